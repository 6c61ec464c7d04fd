import { type ExecutorContext, logger } from '@nx/devkit';
import { evaluateCadence } from '../../lib/cadence/evaluate-cadence';
import { readEvidenceHistory } from '../../lib/cadence/read-evidence-history';
import { todayUtc } from '../../lib/dates';
import { isCalendarDate } from '../../lib/schemas/common';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { gateTaskHashesNow } from '../nx-task-hash';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { CadenceExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function cadenceExecutor(raw: CadenceExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const asOf = options.asOf ?? todayUtc();
  if (!isCalendarDate(asOf)) {
    logger.error(`--as-of=${asOf}: expected a calendar date written YYYY-MM-DD`);
    return { success: false };
  }
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const names = consumers.map((c) => c.name);
  const gateIds = (data.gates?.data.gates ?? []).map((g) => g.id);
  const { hashes } = await gateTaskHashesNow(context.projectName, gateIds);
  const report = evaluateCadence(data, readEvidenceHistory(diskFileReader(context.root), data, names, { root: context.root, hashes }), names, asOf);
  logger.info(`Maintenance cadence as of ${asOf}`);
  logger.info(`${'Activity'.padEnd(28)} ${'Owner'.padEnd(20)} ${'Interval'.padEnd(22)} ${'Last done'.padEnd(11)} ${'Next due'.padEnd(11)} Status`);
  for (const a of report.activities) {
    // Where "last done" came from, imported evidence above all, is part of the answer.
    const line = `${a.id.padEnd(28)} ${a.owner.padEnd(20)} ${a.interval.padEnd(22)} ${(a.lastDone ?? 'never').padEnd(11)} ${(a.nextDue ?? '-').padEnd(11)} ${a.status} (${a.source})`;
    if (a.status === 'overdue') logger.warn(line);
    else logger.info(line);
  }
  if (report.drift.length) {
    logger.warn(`Drift (${report.drift.length}):`);
    for (const d of report.drift) logger.warn(`  - ${d}`);
  }
  writeJsonReport(context.root, options.json, { kind: 'nx-governance/cadence', ...report });
  const overdue = report.activities.filter((a) => a.status === 'overdue');
  if (options.strict && overdue.length) {
    logger.error(`${overdue.length} activity(ies) overdue: ${overdue.map((a) => a.id).join(', ')}`);
    return { success: false };
  }
  return { success: true };
}

export default withOneLineWriteErrors(cadenceExecutor);
