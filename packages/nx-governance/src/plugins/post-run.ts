import { type PostTasksExecutionContext, readCachedProjectGraph, type ProjectGraph } from '@nx/devkit';
import { restampRestoredCompats } from './restamp-restored-compats';
import { DEFAULT_SETTINGS_FILE } from '../lib/workspace/load-governance';
import { recordSkippedCompats } from './post-run-compat';
import { recordSkippedGate, skippedGates } from './post-run-gates';
import { closeScopeRun, rejudgeRestoredScope } from './post-run-scopes';
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
 * asked for now is this run's: the hook writes it. An aggregate Nx restored is
 * judged again, and the command fails when its gates' records no longer hold
 * the pass it replayed: Nx exits non-zero with the reason when a hook throws.
 * (docs/design/gate-run.md, section 2; docs/design/evidence-judgement.md.)
 */
export async function closeRunsNxLeftOpen(context: PostTasksExecutionContext): Promise<void> {
  const results = Object.values(context.taskResults);
  const somethingFailed = results.some((r) => r.status === 'failure' || r.status === 'stopped');
  // Nothing is skipped unless something failed or was stopped, and only restored targets need their reports: the common case costs nothing.
  if (!somethingFailed && !anyRestored(context.taskResults)) return;
  const run = new NxRun(context, readCachedProjectGraph());
  if (somethingFailed) recordSkippedCompats(run);
  restampRestoredCompats(context, run.graph, isRestoredStatus);
  const failedScopes = Object.entries(run.graph.nodes).flatMap(([project, node]) => closeGovernanceRun(run, project, node.data.targets ?? {}));
  const overturned = rejudgeRestoredScopes(run);
  // Nx exits 130 when it skipped a task, which CI systems show as "cancelled"; a gate run that failed fails with 1, as
  // Nx exits when a hook throws. A run someone stopped (Ctrl-C) keeps Nx's own code.
  const stopped = results.some((r) => r.status === 'stopped');
  const failures = [...overturned, ...(stopped ? [] : failedScopes)];
  if (failures.length) throw new Error(failures.join('\n'));
}

/** Every aggregate this run restored, however Nx selected it, judged again: the lines of those whose verdict does not hold. */
function rejudgeRestoredScopes(run: NxRun): string[] {
  const lines: string[] = [];
  for (const result of Object.values(run.results)) {
    const { project, target, configuration } = result.task.target;
    const config = run.graph.nodes[project]?.data.targets?.[target];
    if (!isRestoredStatus(result.status) || config?.executor !== 'nx-governance:gate') continue;
    const options = { ...config.options, ...(configuration ? config.configurations?.[configuration] : {}), ...result.task.overrides };
    const governance = run.governanceOf(typeof options.settingsFile === 'string' ? options.settingsFile : DEFAULT_SETTINGS_FILE);
    const overturned = governance.ok ? rejudgeRestoredScope(run, governance, project, target, options) : [`${project}:${target} was restored from a cache, and its governance data does not load now.`];
    if (overturned) lines.push(...overturned);
  }
  return lines;
}

/** Closes what this run asked of one project's gates, aggregates and validate: the verdict of each aggregate it closed. */
function closeGovernanceRun(run: NxRun, project: string, targets: Targets): string[] {
  const kindOf = (target: string) => KINDS[(targets[target]?.executor ?? '') as keyof typeof KINDS];
  const wanted = [...requestedOf(run.requests, project)].filter((t) => kindOf(t));
  if (wanted.length === 0) return [];
  const optionsOf = (target: string) => ({ ...targets[target].options, ...run.commandLineOptions() });
  // Validate is cached: a restored one replayed its output, and the report asked for now is this run's. A restored
  // aggregate is judged again after this (rejudgeRestoredScopes), which writes its reports.
  for (const target of wanted.filter((t) => kindOf(t) === 'validate' && run.restored(project, t) && asksForReports(optionsOf(t)))) {
    writeRestoredValidateReport(run, optionsOf(target));
  }

  const gatesInRun = new Set(wanted.flatMap((t) => (kindOf(t) === 'gate' ? [t] : kindOf(t) === 'scope' ? dependsOnTargets(targets[t].dependsOn) : [])));
  const skipped = skippedGates(run, project, gatesInRun);
  const skippedScopes = wanted.filter((t) => kindOf(t) === 'scope' && !run.resultOf(project, t) && run.failedBelow(project, t));
  if (skipped.length === 0 && skippedScopes.length === 0) return [];
  const governance = run.governanceOf((targets[wanted[0]].options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE);
  if (!governance.ok) return [];
  // A gate whose fail this run recorded is judged by that record (fail), not `unknown` for want of a hash.
  const recordedNow = new Set(skipped.filter((gate) => recordSkippedGate(run, governance, gate)));
  return skippedScopes.flatMap((scope) => {
    const verdict = closeScopeRun(run, governance, project, optionsOf(scope), recordedNow);
    return verdict ? [`${project}:${scope}: ${verdict}`] : [];
  });
}

function dependsOnTargets(dependsOn: Targets[string]['dependsOn']): string[] {
  return (dependsOn ?? []).flatMap((d) => (typeof d === 'string' ? [d] : d.projects === undefined && !d.dependencies ? [d.target] : []));
}

