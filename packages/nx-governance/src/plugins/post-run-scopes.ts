import { AS_RECORDED } from '../lib/evidence/judge-gate-evidence';
import { logger } from '@nx/devkit';
import { closeGateRun } from '../lib/gates/close-gate-run';
import { selectGates } from '../lib/gates/select-gates';
import type { GateOrigin } from '../lib/gates/summarize-gate-run';
import type { CheckedGovernance } from '../lib/workspace/load-checked-governance';
import { type NxRun, stringOption } from './post-run-tasks';

type Governance = Extract<CheckedGovernance, { ok: true }>;

/**
 * Closes an aggregate's run that its executor did not close because Nx skipped
 * it (a gate failed or did not run): its evidence, its reports and its summary.
 */
export function closeScopeRun(
  run: NxRun,
  governance: Governance,
  project: string,
  options: Record<string, unknown>,
  /** The gates whose `fail` the hook recorded in this run: their latest record is this run's, judged as recorded. */
  recordedNow: ReadonlySet<string>,
): string | undefined {
  const summary = judgeScopeOfRun(run, governance, project, options, recordedNow);
  if (!summary) return undefined;
  for (const line of summary.table) logger.info(line);
  logger.error(summary.verdict);
  return summary.verdict;
}

/**
 * Judges again an aggregate Nx restored from a cache: what Nx restored is
 * storage, and the verdict it replayed was made when the task first ran,
 * maybe on another machine, maybe uploaded by someone who can write to the
 * remote cache. The gates' records are judged now (signature policy, chain,
 * the hashes Nx gave the gate tasks in this run), the task evidence and the
 * reports asked for are written, and the lines saying why are returned when
 * the records do not hold a pass; undefined when they do.
 */
export function rejudgeRestoredScope(run: NxRun, governance: Governance, project: string, target: string, options: Record<string, unknown>): string[] | undefined {
  // `--json` alone printed the report to standard output when the task ran, and Nx replayed it: only a path is written again.
  const summary = judgeScopeOfRun(run, governance, project, { ...options, json: stringOption(options.json) }, new Set());
  if (!summary) return [`${project}:${target} was restored from a cache and could not be judged again: its gates could not be selected.`];
  if (summary.passed) {
    // The aggregate's hash does not hold its gates' records (hashing a thousand gates' outputs cost more than judging
    // them): when a gate ran in this run, the table Nx replayed predates its record, so today's is printed after it.
    if (summary.ranNow > 0) {
      logger.info(`${project}:${target} was restored from the cache; ${summary.ranNow} of its gate(s) ran in this run, and its gates' records now read:`);
      for (const line of summary.table) logger.info(line);
      logger.info(summary.verdict);
    }
    return undefined;
  }
  return [`${project}:${target} was restored from a cache, and its gates' records do not hold its verdict now:`, ...summary.table, summary.verdict];
}

function judgeScopeOfRun(run: NxRun, governance: Governance, project: string, options: Record<string, unknown>, recordedNow: ReadonlySet<string>) {
  const { data } = governance;
  const chosen = selectGates(data, options, run.names.gateTargetName);
  if (!chosen.ok) {
    logger.error(chosen.error);
    return undefined;
  }
  const origins: Record<string, GateOrigin> = {};
  const taskHashes: Record<string, string | undefined | typeof AS_RECORDED> = {};
  for (const gate of chosen.selection.gates) {
    const result = run.resultOf(project, gate.id);
    origins[gate.id] = !result || result.status === 'skipped' || result.status === 'stopped' ? 'not-run' : /cache/.test(result.status) ? 'restored' : 'ran';
    taskHashes[gate.id] = origins[gate.id] !== 'not-run' ? result?.task.hash : recordedNow.has(gate.id) ? AS_RECORDED : undefined;
  }
  const ranNow = Object.values(origins).filter((origin) => origin === 'ran').length;
  const summary = closeGateRun({
    root: run.root,
    governance: data,
    selection: chosen.selection,
    origins,
    taskHashes,
    reports: { junit: stringOption(options.junit), json: stringOption(options.json) },
  });
  return { ...summary, ranNow };
}
