import { type ExecutorContext, logger } from '@nx/devkit';
import { closeGateRun } from '../../lib/gates/close-gate-run';
import { selectGates } from '../../lib/gates/select-gates';
import { dependencyTasks } from '../gate-run-tasks';
import { gateTaskHashesNow } from '../nx-task-hash';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { refuseDirtyTree } from '../require-clean';
import { normalizeOptions } from './normalize-options';
import type { GateExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { pluginOptionsIn } from '../../plugins/options';

/**
 * An aggregate of gates (`gate`, `gate-R3`, `gate-M6`, `gate-M6-T01`): Nx has
 * already run, or restored, every gate of the scope as this task's
 * dependencies, and all of them succeeded, or Nx would have skipped this task
 * (the post-run hook then closes the run instead). What is left is to check
 * that the records are trusted and this run's (judgeGateEvidence), file the
 * evidence and report: a restored gate is judged like one that ran.
 */
async function gateExecutor(raw: GateExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const chosen = selectGates(governance.data, options, pluginOptionsIn(context.nxJsonConfiguration).gateTargetName);
  if (!chosen.ok) {
    logger.error(chosen.error);
    return { success: false };
  }
  const { selection } = chosen;
  const dependencies = dependencyTasks(context);
  const outside = selection.gates.filter((gate) => !dependencies.has(gate.id));
  if (outside.length) {
    logger.error(
      `${context.projectName}:${context.targetName} runs its own scope, and ${outside.map((g) => g.id).join(', ')} ${outside.length > 1 ? 'are' : 'is'} not in it. ` +
        `Run nx run ${context.projectName}:${selection.target} for ${selection.describe}.`,
    );
    return { success: false };
  }
  if (options.requireClean && refuseDirtyTree(context.root, governance.data.settings)) return { success: false };
  // Whatever Nx ran or restored is judged again here, against the hashes Nx gives the gate tasks now.
  const current = await gateTaskHashesNow(context.projectName, selection.gates.map((gate) => gate.id));
  const summary = closeGateRun({
    root: context.root,
    governance: governance.data,
    selection,
    taskHashes: current.hashes,
    ...(current.problem ? { unknownHashWhy: current.problem } : {}),
    reports: { junit: options.junit, json: options.json },
  });
  for (const line of summary.table) logger.info(line);
  (summary.passed ? logger.info : logger.error)(summary.verdict);
  return { success: summary.passed };
}

export default withOneLineWriteErrors(gateExecutor);
