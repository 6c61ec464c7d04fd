import { type ExecutorContext, logger } from '@nx/devkit';
import { appendGateRecord } from '../../lib/evidence/gate-store';
import { runGate } from '../../lib/gates/run-gate';
import { knownList } from '../../lib/text/known-list';
import { withInterruptSignal } from '../interrupt';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { runningTaskHash } from '../nx-task-hash';
import { storedTargetSteps } from '../stored-target-steps';
import { loadGovernanceForExecutor, toolVersions, usableSigningKey } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import { definitionRefusal } from './verify-definition';
import type { RunGateExecutorSchema } from './schema';

async function runGateExecutor(raw: RunGateExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const gates = data.gates?.data.gates ?? [];
  const gate = gates.find((g) => g.id === options.gate);
  if (!gate) {
    logger.error(`Unknown gate ${options.gate}, expected one of: ${knownList(gates.map((g) => g.id), options.gate)}`);
    return { success: false };
  }
  const refusal = definitionRefusal(context, data, gate);
  if (refusal) {
    logger.error(refusal);
    return { success: false };
  }
  // A record the readers would reject is not a pass to cache and upload: refuse before anything runs.
  const key = usableSigningKey(context.root, data);
  if (!key.ok) {
    logger.error(`${gate.id}: ${key.error}`);
    return { success: false };
  }
  const storedSteps = await storedTargetSteps(context, gate);
  return withInterruptSignal(async (signal) => {
    const record = await runGate({
      root: context.root,
      settings: data.settings,
      gate,
      consumers,
      context: { task: options.task, milestone: options.milestone, releaseClass: options.releaseClass },
      versions: toolVersions(context.root),
      taskHash: runningTaskHash(context),
      storedStep: (target) => storedSteps.get(target),
      stepInRun: (target) => stepInRun(context, target),
      log: (line) => logger.info(line),
      signal,
    });
    const { evidence, file } = appendGateRecord(context.root, data.settings, record, key.pem);
    const line = `[${gate.id}] ${evidence.record.result}${evidence.record.notes.length ? `: ${evidence.record.notes.join('; ')}` : ''} (${file.slice(context.root.length + 1)})`;
    if (evidence.record.result === 'pass') logger.info(line);
    else logger.error(line);
    // An advisory finding is reported, never blocking: the aggregates above it must still run and report it.
    return { success: evidence.record.result === 'pass' || gate.enforcement === 'advisory' };
  });
}

/** Whether the task graph Nx runs holds the Nx target step (`project:target[:configuration]`), in any configuration. */
function stepInRun(context: ExecutorContext, target: string): boolean {
  const [project, name] = target.split(':');
  return Object.values(context.taskGraph?.tasks ?? {}).some((task) => task.target.project === project && task.target.target === name);
}

export default withOneLineWriteErrors(runGateExecutor);
