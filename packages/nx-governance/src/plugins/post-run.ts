import { type PostTasksExecutionContext, readCachedProjectGraph, type ProjectGraph } from '@nx/devkit';
import { restampRestoredCompats } from './restamp-restored-compats';
import { DEFAULT_SETTINGS_FILE } from '../lib/workspace/load-governance';
import { recordSkippedCompats } from './post-run-compat';
import { recordSkippedGate, skippedGates } from './post-run-gates';
import { closeScopeRun } from './post-run-scopes';
import { anyRestored, asksForReports, isRestoredStatus, NxRun } from './post-run-tasks';
import { writeRestoredValidateReport } from './post-run-validate';
import { requestedOf } from './requested-targets';

type Targets = NonNullable<ProjectGraph['nodes'][string]['data']['targets']>;

const KINDS = { 'nx-governance:gate': 'scope', 'nx-governance:run-gate': 'gate', 'nx-governance:validate': 'validate' } as const;

/**
 * Nx runs a task only when every task it depends on succeeded. So when an Nx
 * target step of a gate fails, Nx skips the gate (no record would say so) and
 * every aggregate above it (no summary, no reports), and it does not list
 * skipped tasks in its results. This hook, which Nx calls after every run,
 * closes such a run from the tasks Nx ran: a sealed `fail` record for each gate
 * asked for whose task graph holds a task that failed, then each skipped
 * aggregate's summary and reports. Nx has already chosen a failing exit code.
 * A validate Nx restored from its cache replayed its output, but the report
 * asked for now is this run's: the hook writes it.
 * (docs/design/gate-run.md, section 2.)
 */
export async function closeRunsNxLeftOpen(context: PostTasksExecutionContext): Promise<void> {
  const results = Object.values(context.taskResults);
  const somethingFailed = results.some((r) => r.status === 'failure' || r.status === 'stopped');
  // Nothing is skipped unless something failed or was stopped, and only restored targets need their reports: the common case costs nothing.
  if (!somethingFailed && !anyRestored(context.taskResults)) return;
  const run = new NxRun(context, readCachedProjectGraph());
  if (somethingFailed) recordSkippedCompats(run);
  restampRestoredCompats(context, run.graph, isRestoredStatus);
  for (const [project, node] of Object.entries(run.graph.nodes)) closeGovernanceRun(run, project, node.data.targets ?? {});
}

/** Closes what this run asked of one project's gates, aggregates and validate. */
function closeGovernanceRun(run: NxRun, project: string, targets: Targets): void {
  const kindOf = (target: string) => KINDS[(targets[target]?.executor ?? '') as keyof typeof KINDS];
  const wanted = [...requestedOf(run.requests, project)].filter((t) => kindOf(t));
  if (wanted.length === 0) return;
  const optionsOf = (target: string) => ({ ...targets[target].options, ...run.commandLineOptions() });
  // Validate is cached: a restored one replayed its output, and the report asked for now is this run's. Aggregates are
  // never cached (gate-targets: the cache is not a judge), so none is ever restored.
  for (const target of wanted.filter((t) => kindOf(t) === 'validate' && run.restored(project, t) && asksForReports(optionsOf(t)))) {
    writeRestoredValidateReport(run, optionsOf(target));
  }

  const gatesInRun = new Set(wanted.flatMap((t) => (kindOf(t) === 'gate' ? [t] : kindOf(t) === 'scope' ? dependsOnTargets(targets[t].dependsOn) : [])));
  const skipped = skippedGates(run, project, gatesInRun);
  const skippedScopes = wanted.filter((t) => kindOf(t) === 'scope' && !run.resultOf(project, t) && run.failedBelow(project, t));
  if (skipped.length === 0 && skippedScopes.length === 0) return;
  const governance = run.governanceOf((targets[wanted[0]].options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE);
  if (!governance.ok) return;
  // A gate whose fail this run recorded is judged by that record (fail), not `unknown` for want of a hash.
  const recordedNow = new Set(skipped.filter((gate) => recordSkippedGate(run, governance, gate)));
  for (const scope of skippedScopes) closeScopeRun(run, governance, project, optionsOf(scope), recordedNow);
}

function dependsOnTargets(dependsOn: Targets[string]['dependsOn']): string[] {
  return (dependsOn ?? []).flatMap((d) => (typeof d === 'string' ? [d] : d.projects === undefined && !d.dependencies ? [d.target] : []));
}

