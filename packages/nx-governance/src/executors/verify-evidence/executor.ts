import { type ExecutorContext, logger } from '@nx/devkit';
import { dirname } from 'node:path';
import { loadImportedEvidence } from '../../lib/evidence/imported-evidence-index';
import { loadSignaturePolicy } from '../../lib/evidence/signature-policy';
import { verifyEvidence } from '../../lib/evidence/verify-evidence';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { currentTaskHashes } from '../nx-task-hash';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { normalizeOptions } from './normalize-options';
import type { VerifyEvidenceExecutorSchema } from './schema';

async function verifyEvidenceExecutor(raw: VerifyEvidenceExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const { settingsFile } = options;
  const governance = loadGovernanceForExecutor(context, settingsFile);
  if (!governance.ok) return { success: false };
  const { data } = governance;
  const signatures = loadSignaturePolicy(diskFileReader(context.root), data);
  if (!signatures.ok) {
    for (const error of signatures.errors) logger.error(error);
    logger.error('No evidence can be verified until every key in the keys folder is an Ed25519 public key.');
    return { success: false };
  }
  const gateIds = (data.gates?.data.gates ?? []).map((g) => g.id);
  const project = context.projectName;
  // Whether evidence is current is Nx's hash of the project's gate targets: without a project it cannot be told, so it is not passed over.
  if (options.stale && !project) {
    logger.error('verify-evidence checks currency against the gate targets of the project it runs in, and Nx gave it none: run it as nx run governance:verify-evidence, or pass --stale=false.');
    return { success: false };
  }
  const currentHashes = options.stale && project ? await currentTaskHashes(project, gateIds) : undefined;
  const imported = loadImportedEvidence(diskFileReader(context.root), dirname(settingsFile));
  if (!imported.ok) {
    logger.error(imported.reason);
    return { success: false };
  }
  const report = verifyEvidence(context.root, data.settings, { policy: signatures.policy, currentHashes, imported: imported.index });
  for (const notice of report.notices) logger.warn(notice);
  for (const problem of report.problems) logger.error(`${problem.file}: ${problem.kind}: ${problem.message}`);
  writeJsonReport(context.root, options.json, { kind: 'nx-governance/verify-evidence', ...report });
  if (report.problems.length) {
    logger.error(`${report.problems.length} problem(s) in ${report.checked} evidence file(s).`);
    return { success: false };
  }
  logger.info(`All ${report.checked} evidence file(s) verify.${signatures.policy.required ? ' Every gate record is signed by a key in the keys folder.' : ' Gate records are unsigned: see the notice above.'}`);
  return { success: true };
}

export default withOneLineWriteErrors(verifyEvidenceExecutor);
