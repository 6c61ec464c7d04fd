import { AS_RECORDED } from '../lib/evidence/judge-gate-evidence';
import { logger } from '@nx/devkit';
import { closeGateRun } from '../lib/gates/close-gate-run';
import { selectGates } from '../lib/gates/select-gates';
import type { GateOrigin } from '../lib/gates/summarize-gate-run';
import type { CheckedGovernance } from '../lib/workspace/load-checked-governance';
import { type NxRun, stringOption } from './post-run-tasks';

/**
 * Closes an aggregate's run that its executor did not close because Nx skipped
 * it (a gate failed or did not run): its evidence, its reports and its summary.
 */
export function closeScopeRun(
  run: NxRun,
  governance: Extract<CheckedGovernance, { ok: true }>,
  project: string,
  options: Record<string, unknown>,
  /** The gates whose `fail` the hook recorded in this run: their latest record is this run's, judged as recorded. */
  recordedNow: ReadonlySet<string>,
): void {
  const { data } = governance;
  const chosen = selectGates(data, options, run.names.gateTargetName);
  if (!chosen.ok) {
    logger.error(chosen.error);
    return;
  }
  const origins: Record<string, GateOrigin> = {};
  const taskHashes: Record<string, string | undefined | typeof AS_RECORDED> = {};
  for (const gate of chosen.selection.gates) {
    const result = run.resultOf(project, gate.id);
    origins[gate.id] = !result || result.status === 'skipped' || result.status === 'stopped' ? 'not-run' : /cache/.test(result.status) ? 'restored' : 'ran';
    taskHashes[gate.id] = origins[gate.id] !== 'not-run' ? result?.task.hash : recordedNow.has(gate.id) ? AS_RECORDED : undefined;
  }
  const summary = closeGateRun({
    root: run.root,
    governance: data,
    selection: chosen.selection,
    origins,
    taskHashes,
    reports: { junit: stringOption(options.junit), json: stringOption(options.json) },
  });
  for (const line of summary.table) logger.info(line);
  logger.error(summary.verdict);
}
