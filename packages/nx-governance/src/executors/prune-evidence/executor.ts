import { type ExecutorContext, logger } from '@nx/devkit';
import { pruneEvidence } from '../../lib/evidence/prune-evidence';
import { renderPruneSummary } from '../../lib/evidence/prune-summary';
import { gitUser } from '../../lib/git/git-user';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { PruneEvidenceExecutorSchema } from './schema';

async function pruneEvidenceExecutor(raw: PruneEvidenceExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  if (!Number.isInteger(options.keep) || options.keep < 1) {
    logger.error(`--keep: found ${options.keep}, expected a whole number of records of at least 1`);
    return { success: false };
  }
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const result = pruneEvidence(context.root, governance.data.settings, { keep: options.keep, apply: options.apply, by: gitUser(context.root), at: new Date().toISOString() });
  writeJsonReport(context.root, options.json, { kind: 'nx-governance/prune-evidence', ...result });
  if (!result.ok) {
    for (const problem of result.problems) logger.error(problem);
    return { success: false };
  }
  const apply = `nx run ${context.projectName}:${context.targetName} --keep=${options.keep} --apply`;
  for (const line of renderPruneSummary(result, apply)) logger.info(line);
  return { success: true };
}

export default withOneLineWriteErrors(pruneEvidenceExecutor);
