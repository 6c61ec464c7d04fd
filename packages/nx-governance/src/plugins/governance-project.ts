import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import type { Gate } from '../core/schemas/gates';
import type { GovernanceSettings } from '../core/schemas/governance';
import { gateTarget } from './gate-targets';
import type { GovernancePluginOptions } from './options';
import { pluginInputs } from './plugin-inputs';

const technologies = ['nx-governance'];

/** The governance project: validate (cached), one cached target per gate, and the commands people run. */
export function governanceProject(
  settingsFile: string,
  settings: GovernanceSettings,
  gates: Gate[],
  options: Required<GovernancePluginOptions>,
  workspaceRoot: string,
): Omit<ProjectConfiguration, 'root'> {
  const ownInputs = pluginInputs(workspaceRoot);
  // These judge the evidence and git state as they are now, so they are never cached.
  const command = (executor: string, description: string, extraOptions: object = {}): TargetConfiguration => ({
    executor: `nx-governance:${executor}`,
    options: { settingsFile, ...extraOptions },
    metadata: { description, technologies },
  });
  const validate: TargetConfiguration = {
    executor: 'nx-governance:validate',
    cache: true,
    inputs: ['{projectRoot}/**/*.json', `{workspaceRoot}/${settings.paths.milestones}/**/*.md`, ...ownInputs],
    outputs: ['{options.json}'],
    options: { settingsFile },
    metadata: { description: 'Check every governance file against its schema and the rules across files', technologies },
  };
  return {
    name: settings.projectName,
    projectType: 'library',
    tags: ['governance'],
    targets: {
      [options.validateTargetName]: validate,
      [options.gateTargetName]: command('gate', 'Run the gates a release class, a task card or a milestone needs, and write their evidence'),
      attest: command('attest', 'Attest a manual gate: answer its checklist (or --answers=file.json)'),
      'verify-evidence': command('verify-evidence', 'Check every evidence record: digest, chain, signature, commit, and whether it is current'),
      [options.compatRunTargetName]: command(
        'compat-run',
        'Run the compatibility target of every consumer (or, with --affected, of those a change reaches)',
        { target: options.compatTargetName },
      ),
      'compat-query': command('compat-query', 'Answer one question from the compatibility matrix: --core=0.4.2 --consumer=io-rflx@1.3.0'),
      cadence: command('cadence', 'Report each recurring activity (last done, next due, overdue) and drift; --strict, --as-of'),
      'rollback-check': command('rollback-check', 'Evaluate the rollback triggers: --candidate=<rev> --baseline=<rev>'),
      'release-readiness': command('release-readiness', 'Go / no-go for a release from evidence: --releaseVersion=0.5.0 --class=R2'),
      ...Object.fromEntries(gates.map((g) => [g.id, gateTarget(g, settingsFile, settings, ownInputs)])),
    },
  };
}
