import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import { gateScopes } from '../lib/gates/gate-scopes';
import type { ResolvedConsumer } from '../lib/consumers/resolve-consumers';
import type { GovernanceData } from '../lib/workspace/load-governance';
import { gateScopeTarget, gateTarget } from './gate-targets';
import type { GovernancePluginOptions } from './options';
import { pluginInputs } from './plugin-inputs';
import { validateTarget } from './validate-target';
import { checkedGovernanceInputs } from './governance-inputs';
import { pageTarget } from './page-target';

const technologies = ['nx-governance'];

/** The governance project: validate (cached), one cached target per gate, and the commands people run. */
export function governanceProject(
  settingsFile: string,
  data: GovernanceData,
  options: Required<GovernancePluginOptions>,
  workspaceRoot: string,
  /** The consumers the data declares: with the core and the projects of target steps, what the check of the data looks up in the graph. */
  consumers: readonly ResolvedConsumer[],
): Omit<ProjectConfiguration, 'root'> {
  const { settings } = data;
  const gates = data.gates?.data.gates ?? [];
  const scopes = gateScopes(data, options.gateTargetName);
  const ownInputs = pluginInputs(workspaceRoot);
  // These judge the evidence and git state as they are now, so they are never cached.
  const command = (executor: string, description: string, extraOptions: object = {}): TargetConfiguration => ({
    executor: `nx-governance:${executor}`,
    options: { settingsFile, ...extraOptions },
    metadata: { description, technologies },
  });
  // What every judging target checks first; validate and the aggregates are restored only while it is unchanged.
  const checkInputs = checkedGovernanceInputs(settingsFile, data, consumers);
  const validate = validateTarget(settingsFile, checkInputs, ownInputs);
  // With a file unreadable the scopes cannot be trusted: the aggregates then run nothing and fail on the file.
  const dataReadable = data.unreadable.size === 0 && data.settingsSource !== undefined;
  const gateIds = new Set(dataReadable ? gates.map((g) => g.id) : []);
  const scopeTargets = Object.fromEntries(scopes.map((scope) => [scope.target, gateScopeTarget(scope, settingsFile, settings, gateIds, checkInputs, ownInputs)]));
  const targetsOf = (kind: string) => scopes.filter((s) => s.kind === kind).map((s) => s.target);
  const gateTargets = Object.fromEntries(gates.map((g) => [g.id, gateTarget(g, settingsFile, settings, ownInputs)]));
  return {
    name: settings.projectName,
    projectType: 'library',
    tags: ['governance'],
    metadata: {
      targetGroups: {
        'Gate runs: release classes': [options.gateTargetName, ...targetsOf('release-class')],
        'Gate runs: milestones': targetsOf('milestone'),
        'Gate runs: task cards': targetsOf('task'),
        Gates: gates.map((g) => g.id),
      },
    },
    targets: {
      [options.validateTargetName]: validate,
      ...scopeTargets,
      attest: command('attest', 'Attest a manual gate: answer its checklist (or --answers=file.json)'),
      'verify-evidence': command('verify-evidence', 'Check every evidence record: digest, chain, signature, commit, and whether it is current'),
      'prune-evidence': command('prune-evidence', 'Trim local evidence history to the newest --keep=N records per gate and consumer (a dry run unless --apply)'),
      [options.compatRunTargetName]: command(
        'compat-run',
        'Run the compatibility target of every consumer (or, with --affected, of those a change reaches)',
        { target: options.compatTargetName },
      ),
      report: command('report', 'Markdown for a pull request: every gate and consumer now and at --base, new failures first'),
      'compat-query': command('compat-query', 'Answer one question from the compatibility matrix: --core=0.4.2 --consumer=io-rflx@1.3.0'),
      cadence: command('cadence', 'Report each recurring activity (last done, next due, overdue) and drift; --strict, --as-of'),
      'rollback-check': command('rollback-check', 'Evaluate the rollback triggers: --candidate=<rev> --baseline=<rev>'),
      'release-readiness': command('release-readiness', 'Go / no-go for a release from evidence: --releaseVersion=0.5.0 --class=R2'),
      'release-candidate': command('release-candidate', 'After nx release version: the gates, every consumer against the candidate commit, nx sync, then go / no-go (--commit)'),
      page: pageTarget(settingsFile, settings, checkInputs, Object.values(gateTargets), ownInputs),
      ...gateTargets,
    },
  };
}
