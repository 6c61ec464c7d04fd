import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import type { Gate } from '../core/schemas/gates';
import type { GovernanceSettings } from '../core/schemas/governance';
import { gateTarget } from './gate-targets';
import type { GovernancePluginOptions } from './options';
import { pluginInputs } from './plugin-inputs';

const technologies = ['nx-governance'];

export function governanceProject(
  settingsFile: string,
  settings: GovernanceSettings,
  gates: Gate[],
  options: Required<GovernancePluginOptions>,
  workspaceRoot: string,
): Omit<ProjectConfiguration, 'root'> {
  const ownInputs = pluginInputs(workspaceRoot);
  const validate: TargetConfiguration = {
    executor: 'nx-governance:validate',
    cache: true,
    inputs: ['{projectRoot}/**/*.json', `{workspaceRoot}/${settings.paths.milestones}/**/*.md`, ...ownInputs],
    outputs: ['{options.json}'],
    options: { settingsFile },
    metadata: { description: 'Check every governance file against its schema and the rules across files', technologies },
  };
  const gate: TargetConfiguration = {
    executor: 'nx-governance:gate',
    options: { settingsFile },
    metadata: { description: 'Run the gates a release class, a task card or a milestone needs, and write their evidence', technologies },
  };
  const attest: TargetConfiguration = {
    executor: 'nx-governance:attest',
    options: { settingsFile },
    metadata: { description: 'Attest a manual gate: answer its checklist (or --answers=file.json)', technologies },
  };
  const verifyEvidence: TargetConfiguration = {
    executor: 'nx-governance:verify-evidence',
    options: { settingsFile },
    metadata: { description: 'Check every evidence record: digest, chain, signature, commit, and whether it is current', technologies },
  };
  const compatQuery: TargetConfiguration = {
    executor: 'nx-governance:compat-query',
    options: { settingsFile },
    metadata: { description: 'Answer one question from the compatibility matrix: --core=0.4.2 --consumer=io-rflx@1.3.0', technologies },
  };
  const cadence: TargetConfiguration = {
    executor: 'nx-governance:cadence',
    options: { settingsFile },
    metadata: { description: 'Report each recurring activity (last done, next due, overdue) and drift; --strict, --as-of', technologies },
  };
  const rollbackCheck: TargetConfiguration = {
    executor: 'nx-governance:rollback-check',
    options: { settingsFile },
    metadata: { description: 'Evaluate the rollback triggers: --candidate=<rev> --baseline=<rev>', technologies },
  };
  const releaseReadiness: TargetConfiguration = {
    executor: 'nx-governance:release-readiness',
    options: { settingsFile },
    metadata: { description: 'Go / no-go for a release from evidence: --version=0.5.0 --class=R2', technologies },
  };
  const gateTargets = Object.fromEntries(gates.map((g) => [g.id, gateTarget(g, settingsFile, settings, ownInputs)]));
  const compatRun: TargetConfiguration = {
    executor: 'nx-governance:compat-run',
    options: { settingsFile, target: options.compatTargetName },
    metadata: { description: 'Run the compatibility target of every consumer (or, with --affected, of those a change reaches)', technologies },
  };
  return {
    name: settings.projectName,
    projectType: 'library',
    tags: ['governance'],
    targets: {
      [options.validateTargetName]: validate,
      [options.gateTargetName]: gate,
      attest,
      'verify-evidence': verifyEvidence,
      [options.compatRunTargetName]: compatRun,
      'compat-query': compatQuery,
      cadence,
      'rollback-check': rollbackCheck,
      'release-readiness': releaseReadiness,
      ...gateTargets,
    },
  };
}
