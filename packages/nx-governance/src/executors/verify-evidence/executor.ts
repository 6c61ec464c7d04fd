import { createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type ExecutorContext, logger } from '@nx/devkit';
import { verifyEvidence } from '../../core/evidence/verify-evidence';
import { writeJsonReport } from '../../core/reports/write-json-report';
import { currentTaskHashes } from '../nx-task-hash';
import { loadGovernanceForExecutor } from '../workspace-governance';
import type { VerifyEvidenceExecutorSchema } from './schema';

export default async function verifyEvidenceExecutor(options: VerifyEvidenceExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const settingsFile = options.settingsFile ?? 'governance/governance.json';
  const governance = loadGovernanceForExecutor(context, settingsFile);
  if (!governance.ok) return { success: false };
  const { data } = governance;
  const gateIds = (data.gates?.data.gates ?? []).map((g) => g.id);
  const currentHashes = options.stale === false ? undefined : await currentTaskHashes(context.projectName!, gateIds);
  const report = verifyEvidence(context.root, data.settings, {
    publicKeys: readPublicKeys(join(context.root, dirname(settingsFile), 'keys')),
    currentHashes,
  });
  for (const problem of report.problems) logger.error(`${problem.file}: ${problem.kind}: ${problem.message}`);
  if (options.json) writeJsonReport(join(context.root, options.json), { kind: 'nx-governance/verify-evidence', ...report });
  if (report.problems.length) {
    logger.error(`${report.problems.length} problem(s) in ${report.checked} evidence file(s).`);
    return { success: false };
  }
  logger.info(`All ${report.checked} evidence file(s) verify.`);
  return { success: true };
}

/** Public keys committed in governance/keys/*.pem. */
function readPublicKeys(dir: string): KeyObject[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pem'))
    .map((name) => createPublicKey(readFileSync(join(dir, name), 'utf8')));
}
