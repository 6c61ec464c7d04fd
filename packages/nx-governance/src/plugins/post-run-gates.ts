import { logger } from '@nx/devkit';
import { appendGateRecord } from '../lib/evidence/gate-store';
import type { StepRecord } from '../lib/evidence/gate-record';
import { recordGateNotRun } from '../lib/gates/run-gate';
import type { CheckedGovernance } from '../lib/workspace/load-checked-governance';
import { toolVersions, usableSigningKey } from '../executors/workspace-governance';
import type { NxRun, TaskResult } from './post-run-tasks';

const TAIL_LINES = 50;

/**
 * The gates of `project` that this run asked for (by name or through an
 * aggregate) and that Nx skipped: no result of their own, and a task of their
 * Nx task graph (an Nx target step, or what it waits for) failed or was
 * stopped. How the command selected the project (pattern, tag, exclusion,
 * affected, a configuration) does not matter: the failed task is in the run.
 */
export function skippedGates(run: NxRun, project: string, gatesInRun: Iterable<string>): string[] {
  return [...gatesInRun].filter((gate) => !run.resultOf(project, gate) && run.failedBelow(project, gate) !== undefined);
}

/** Appends a sealed `fail` record naming the step that failed, so it replaces the gate's earlier `pass`; whether it was written. */
export function recordSkippedGate(run: NxRun, governance: Extract<CheckedGovernance, { ok: true }>, gateId: string): boolean {
  const gate = governance.data.gates?.data.gates.find((g) => g.id === gateId);
  if (!gate || gate.kind !== 'command') return false;
  const steps: StepRecord[] = gate.steps.flatMap((step) => {
    if (!('target' in step)) return [];
    const [project, target] = step.target.split(':');
    return [targetStepRecord(step.target, run.resultOf(project, target))];
  });
  const { data, consumers } = governance;
  // A record the readers would reject is never written, a fail no more than a pass: the run has failed already.
  const key = usableSigningKey(run.root, data);
  if (!key.ok) {
    logger.error(`[${gate.id}] fail not recorded: ${key.error}`);
    return false;
  }
  const record = recordGateNotRun({ root: run.root, settings: data.settings, gate, consumers, context: {}, versions: toolVersions(run.root) }, steps);
  appendGateRecord(run.root, data.settings, record, key.pem);
  logger.error(`[${gate.id}] fail: ${record.notes.join('; ')}`);
  return true;
}

/** What Nx says of one Nx target step: its status, exit code and the tail of its output. */
function targetStepRecord(target: string, result: TaskResult | undefined): StepRecord {
  const tail = (result?.terminalOutput ?? '').replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/).filter((l) => l.trim() !== '').slice(-TAIL_LINES);
  const note =
    !result ? 'did not run (a task it depends on failed)' : result.status === 'failure' ? `failed (exit ${result.code})` : result.status === 'stopped' ? 'was stopped' : 'succeeded';
  return { label: target, target, durationMs: 0, note, ...(result && result.status === 'failure' ? { exitCode: result.code, tail } : {}) };
}
