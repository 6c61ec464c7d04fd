import { logger, type PostTasksExecutionContext, readCachedProjectGraph, type ProjectGraph } from '@nx/devkit';
import { appendGateRecord } from '../lib/evidence/gate-store';
import type { StepRecord } from '../lib/evidence/gate-record';
import { closeGateRun } from '../lib/gates/close-gate-run';
import { recordCompatNotRun } from '../lib/compat/run-compat';
import { resolveCore } from '../lib/consumers/resolve-core';
import { restampRestoredCompats } from './restamp-restored-compats';
import { recordGateNotRun } from '../lib/gates/run-gate';
import { selectGates } from '../lib/gates/select-gates';
import type { GateOrigin } from '../lib/gates/summarize-gate-run';
import { diskFileReader } from '../lib/workspace/file-reader';
import { loadCheckedGovernance } from '../lib/workspace/load-checked-governance';
import { runValidation } from '../lib/validation';
import { DEFAULT_SETTINGS_FILE } from '../lib/workspace/load-governance';
import { requestedOption, requestedTargets } from './requested-targets';
import { targetsByProject } from '../executors/project-targets';
import { reportInvalidGovernance, signingKey, toolVersions } from '../executors/workspace-governance';

type TaskResult = PostTasksExecutionContext['taskResults'][string];
const TAIL_LINES = 50;

/**
 * Nx runs a task only when every task it depends on succeeded. So when an Nx
 * target step of a gate fails, Nx skips the gate (no record would say so) and
 * every aggregate above it (no summary, no reports), and it does not even list
 * skipped tasks in its results. This hook, which Nx calls after every run,
 * closes such a run from what was asked for: a sealed `fail` record for each
 * requested gate Nx did not run, naming the step, then each skipped
 * aggregate's summary and reports. Nx has already chosen a failing exit code.
 * An aggregate Nx restored from its cache replayed its summary, but the
 * reports asked for now are this run's: the hook writes them.
 */
export async function closeRunsNxLeftOpen(context: PostTasksExecutionContext): Promise<void> {
  const results = context.taskResults;
  const somethingSkipped = Object.values(results).some((r) => r.status === 'failure' || r.status === 'stopped');
  // Nothing is skipped unless something failed or was stopped, and only a restored aggregate needs its reports: the common case costs nothing.
  if (!somethingSkipped && !Object.values(results).some((r) => RESTORED.has(r.status))) return;
  const graph = readCachedProjectGraph();
  if (somethingSkipped) recordSkippedCompats(context, graph);
  restampRestoredCompats(context, graph, (status) => RESTORED.has(status));
  for (const [project, node] of Object.entries(graph.nodes)) {
    const targets = node.data.targets ?? {};
    const kindOf = (target: string) => ({ 'nx-governance:gate': 'scope', 'nx-governance:run-gate': 'gate', 'nx-governance:validate': 'validate' } as const)[targets[target]?.executor ?? ''];
    const wanted = [...requestedTargets(context.argv, project)].filter((t) => kindOf(t));
    if (wanted.length === 0) continue;
    const notRun = (target: string) => !results[`${project}:${target}`];
    const restored = (target: string) => RESTORED.has(results[`${project}:${target}`]?.status);
    const optionsOf = (target: string) => ({ ...targets[target].options, ...optionsFromCommandLine(context.argv) });
    for (const target of wanted.filter((t) => kindOf(t) === 'validate' && restored(t) && asksForReports(optionsOf(t)))) {
      const options = optionsOf(target);
      const settingsFile = stringOption(options.settingsFile) ?? DEFAULT_SETTINGS_FILE;
      runValidation({ root: context.workspaceRoot, settingsFile, projects: projectTargets(graph), strict: options.strict === true, json: stringOption(options.json) });
    }
    const gatesInRun = new Set(wanted.flatMap((t) => (kindOf(t) === 'gate' ? [t] : kindOf(t) === 'scope' ? dependsOnTargets(targets[t].dependsOn) : [])));
    const skippedGates = [...gatesInRun].filter(notRun);
    const skippedScopes = wanted.filter((t) => kindOf(t) === 'scope' && notRun(t));
    const restoredScopes = wanted.filter((t) => kindOf(t) === 'scope' && restored(t) && asksForReports(optionsOf(t)));
    if (skippedGates.length === 0 && skippedScopes.length === 0 && restoredScopes.length === 0) continue;
    const settingsFile = (targets[wanted[0]].options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE;
    const governance = loadCheckedGovernance(diskFileReader(context.workspaceRoot), settingsFile, { projects: projectTargets(graph) });
    if (!governance.ok) {
      reportInvalidGovernance(governance.errors, (line) => logger.error(line));
      continue;
    }
    for (const gate of skippedGates) recordSkippedGate(context, governance.data, governance.consumers, gate);
    for (const scope of skippedScopes) closeScopeRun(context, governance.data, project, optionsOf(scope), { print: true });
    for (const scope of restoredScopes) closeScopeRun(context, governance.data, project, optionsOf(scope), { print: false });
  }
}

function dependsOnTargets(dependsOn: NonNullable<ProjectGraph['nodes'][string]['data']['targets']>[string]['dependsOn']): string[] {
  return (dependsOn ?? []).flatMap((d) => (typeof d === 'string' ? [d] : d.projects === undefined && !d.dependencies ? [d.target] : []));
}

/** The options of an aggregate or of validate that a user may give on the command line. */
function optionsFromCommandLine(argv: readonly string[]): Record<string, string | boolean> {
  const given = ['junit', 'json', 'gate'].map((name) => [name, requestedOption(argv, `--${name}`)] as const);
  const strict = argv.includes('--strict') || argv.includes('--strict=true');
  return { ...Object.fromEntries(given.filter(([, value]) => value !== undefined)), ...(strict ? { strict } : {}) };
}

function recordSkippedGate(
  context: PostTasksExecutionContext,
  data: Extract<ReturnType<typeof loadCheckedGovernance>, { ok: true }>['data'],
  consumers: Extract<ReturnType<typeof loadCheckedGovernance>, { ok: true }>['consumers'],
  gateId: string,
): void {
  const gate = data.gates?.data.gates.find((g) => g.id === gateId);
  if (!gate || gate.kind !== 'command') return;
  const steps: StepRecord[] = gate.steps.flatMap((step) => ('target' in step ? [targetStepRecord(step.target, context.taskResults[step.target])] : []));
  const record = recordGateNotRun({ root: context.workspaceRoot, settings: data.settings, gate, consumers, context: {}, versions: toolVersions(context.workspaceRoot) }, steps);
  const key = signingKey();
  appendGateRecord(context.workspaceRoot, data.settings, record, key.pem);
  logger.error(`[${gate.id}] fail: ${record.notes.join('; ')}`);
}

/** What Nx says of one Nx target step: its status, exit code and the tail of its output. */
function targetStepRecord(target: string, result: TaskResult | undefined): StepRecord {
  const tail = (result?.terminalOutput ?? '').replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(-TAIL_LINES);
  const note =
    !result ? 'was not part of the run' : result.status === 'failure' ? `failed (exit ${result.code})` : result.status === 'skipped' ? 'did not run (a task it depends on failed)' : result.status === 'stopped' ? 'was stopped' : 'succeeded';
  return { label: target, target, durationMs: 0, note, ...(result && result.status === 'failure' ? { exitCode: result.code, tail } : {}) };
}

/** Nx's statuses for a task it restored from a cache instead of running it. */
const RESTORED = new Set<string>(['local-cache', 'local-cache-kept-existing', 'remote-cache']);

const asksForReports = (options: Record<string, unknown>) => stringOption(options.junit) !== undefined || stringOption(options.json) !== undefined;

/** Closes an aggregate's run that its executor did not close: its evidence, its reports and (when Nx printed nothing for it) its summary. */
function closeScopeRun(context: PostTasksExecutionContext, data: Parameters<typeof selectGates>[0], project: string, options: Record<string, unknown>, show: { print: boolean }): void {
  const chosen = selectGates(data, options);
  if (!chosen.ok) {
    logger.error(chosen.error);
    return;
  }
  const origins: Record<string, GateOrigin> = {};
  const taskHashes: Record<string, string | undefined> = {};
  for (const gate of chosen.selection.gates) {
    const result = context.taskResults[`${project}:${gate.id}`];
    origins[gate.id] = !result || result.status === 'skipped' || result.status === 'stopped' ? 'not-run' : /cache/.test(result.status) ? 'restored' : 'ran';
    taskHashes[gate.id] = origins[gate.id] === 'not-run' ? undefined : result?.task.hash;
  }
  const summary = closeGateRun({
    root: context.workspaceRoot,
    settings: data.settings,
    selection: chosen.selection,
    origins,
    taskHashes,
    reports: { junit: stringOption(options.junit), json: stringOption(options.json) },
  });
  if (!show.print) return;
  for (const line of summary.table) logger.info(line);
  logger.error(summary.verdict);
}

const stringOption = (value: unknown) => (typeof value === 'string' ? value : undefined);

function projectTargets(graph: ProjectGraph): Map<string, string[]> {
  return targetsByProject(Object.fromEntries(Object.entries(graph.nodes).map(([name, node]) => [name, node.data])));
}

/**
 * A consumer's compat waits for the core's build and its own. When one of them
 * fails, Nx skips the compat task and its latest result would still say what
 * the last run said; record what happened instead (see recordCompatNotRun).
 */
function recordSkippedCompats(context: PostTasksExecutionContext, graph: ProjectGraph): void {
  const results = context.taskResults;
  const reader = diskFileReader(context.workspaceRoot);
  // Several consumers skipped in one run share their governance data: check it once per settings file.
  const loaded = new Map<string, ReturnType<typeof loadCheckedGovernance>>();
  const governanceOf = (settingsFile: string) => {
    const known = loaded.get(settingsFile);
    if (known) return known;
    const checked = loadCheckedGovernance(reader, settingsFile, { projects: projectTargets(graph) });
    if (!checked.ok) reportInvalidGovernance(checked.errors, (line) => logger.error(line));
    loaded.set(settingsFile, checked);
    return checked;
  };
  for (const [project, node] of Object.entries(graph.nodes)) {
    for (const [target, config] of Object.entries(node.data.targets ?? {})) {
      if (config.executor !== 'nx-governance:compat' || results[`${project}:${target}`]) continue;
      const dependencies = (config.dependsOn ?? []).flatMap((d) =>
        typeof d === 'string' ? [`${project}:${d}`] : (Array.isArray(d.projects) ? d.projects : d.projects === undefined ? [project] : []).map((p) => `${p}:${d.target}`),
      );
      const failed = dependencies.find((id) => results[id]?.status === 'failure');
      if (!failed) continue;
      const governance = governanceOf((config.options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE);
      if (!governance.ok) continue;
      const consumer = governance.consumers.find((c) => c.name === config.options?.consumer);
      const core = resolveCore(reader, governance.data.settings);
      // Without a core, validate has already failed the data; there is no tuple to record.
      if (!consumer || !core) continue;
      const record = recordCompatNotRun(
        { root: context.workspaceRoot, settings: governance.data.settings, core, consumer },
        { target: failed, code: results[failed].code, ownBuild: failed === `${project}:build` },
      );
      logger.error(`[${consumer.name}] ${record.result}: ${record.reason}`);
    }
  }
}
