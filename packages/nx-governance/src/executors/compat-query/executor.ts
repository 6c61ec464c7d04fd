import { type ExecutorContext, logger } from '@nx/devkit';
import { resultsOfCheckout } from '../../lib/compat/checkout-results';
import { importGaps } from '../../lib/import/import-gaps';
import { queryMatrix } from '../../lib/matrix/query-matrix';
import { workspaceMatrix } from '../../lib/matrix/workspace-matrix';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { CompatQueryExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function compatQueryExecutor(raw: CompatQueryExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const matrix = workspaceMatrix(diskFileReader(context.root), data, consumers, resultsOfCheckout(context.root, data.settings));
  if (!matrix) {
    logger.error(`No ${data.settingsFile.replace('governance.json', 'compatibility.json')}: there is no matrix to ask.`);
    return { success: false };
  }
  const answer = queryMatrix(matrix, String(options.core), options.consumer);
  writeJsonReport(context.root, options.json, { kind: 'nx-governance/compat-query', ...answer });
  if (answer.error) {
    logger.error(answer.error);
    return { success: false };
  }
  const gap = importGaps(diskFileReader(context.root), data).find((g) => g.kind === 'consumers');
  if (gap) {
    logger.error(`INCONCLUSIVE: ${gap.reason}`);
    return { success: false };
  }
  for (const cell of answer.cells) {
    logger.info(`${cell.consumer} ${cell.consumerVersion} with ${answer.core}: ${cell.tier}: ${cell.why}${cell.evidence ? ` (evidence: ${cell.evidence})` : ''}`);
  }
  return { success: answer.cells.every((c) => c.tier === 'supported' || c.tier === 'conditional') };
}

export default withOneLineWriteErrors(compatQueryExecutor);
