import { type ExecutorContext, logger } from '@nx/devkit';
import { rollbackFolder, timestampFileName } from '../../lib/evidence/evidence-layout';
import { writeSealedRecord } from '../../lib/evidence/write-sealed-record';
import { decideRollback } from '../../lib/rollback/decide-rollback';
import { describeTuple, procedureLines, renderRollbackMarkdown } from '../../lib/rollback/rollback-decision';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { RollbackCheckExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function rollbackCheckExecutor(raw: RollbackCheckExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const playbook = data.playbook?.data;
  if (!playbook) {
    logger.error('No playbook.json: there are no rollback triggers to evaluate.');
    return { success: false };
  }
  const check = decideRollback({
    root: context.root,
    data,
    playbook,
    consumers: consumers.map((c) => c.name),
    candidateRev: options.candidate,
    baselineRev: String(options.baseline),
    now: new Date(),
  });
  if (!check.ok) {
    logger.error(check.error);
    return { success: false };
  }
  const { decision } = check;
  for (const t of decision.triggers) (t.state === 'fired' ? logger.error : t.state === 'inconclusive' ? logger.warn : logger.info)(`${t.id.padEnd(16)} ${t.state.padEnd(13)} ${t.reason}`);
  const { sealed, file } = writeSealedRecord(context.root, rollbackFolder(data.settings), timestampFileName(decision.decidedAt), decision, renderRollbackMarkdown);
  writeJsonReport(context.root, options.json, sealed);
  if (decision.verdict === 'no-rollback') {
    logger.info(`No trigger fired: no rollback. Decision recorded in ${file}.`);
    return { success: true };
  }
  if (decision.verdict === 'inconclusive') {
    logger.error(`INCONCLUSIVE: ${decision.reason}; no all-clear without evidence. Decision recorded in ${file}.`);
    return { success: false };
  }
  logger.error(`ROLL BACK: ${decision.reason}. Roll back to ${describeTuple(decision.rollbackTuple)}:`);
  for (const line of procedureLines(decision.procedure)) logger.error(line);
  logger.error(`Decision recorded in ${file}.`);
  return { success: false };
}

export default withOneLineWriteErrors(rollbackCheckExecutor);
