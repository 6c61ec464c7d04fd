import { appendFileSync } from 'node:fs';
import { type ExecutorContext, logger } from '@nx/devkit';
import { reportPath } from '../../lib/reports/report-path';
import { writeFileAtomically } from '../../lib/fs/write-file-atomically';
import { headCommit } from '../../lib/git/git';
import { resolveRevision, revisionFileReader } from '../../lib/git/revision-file-reader';
import { evidenceLinks, headCommitFromEnv, repositoryHostFromEnv } from '../../lib/reports/evidence-links';
import { countOf } from '../../lib/text/count-of';
import { comparePrEvidence, renderPrReport } from '../../lib/reports/pr-report';
import { readEvidenceSnapshot } from '../../lib/reports/pr-snapshot';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { loadGovernance } from '../../lib/workspace/load-governance';
import { compatTaskHashesNow, gateTaskHashesNow } from '../nx-task-hash';
import { pluginOptionsIn } from '../../plugins/options';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { ReportExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function reportExecutor(raw: ReportExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const base = options.base ?? process.env.NX_BASE;
  if (!base) {
    logger.error('No base revision: pass --base=<rev> (e.g. origin/main), or set NX_BASE as nrwl/nx-set-shas does in CI.');
    return { success: false };
  }
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const resolved = resolveRevision(context.root, base);
  if (!resolved.ok) {
    logger.error(resolved.error);
    return { success: false };
  }
  if (resolved.note) logger.info(resolved.note);
  const atBase = revisionFileReader(context.root, resolved.commit);
  if (!atBase) {
    logger.error(`git could not read the revision ${resolved.revision} (${resolved.commit}).`);
    return { success: false };
  }
  const { consumers } = governance;
  const gateIds = (governance.data.gates?.data.gates ?? []).map((g) => g.id);
  const { compatTargetName } = pluginOptionsIn(context.nxJsonConfiguration);
  const current = await gateTaskHashesNow(context.projectName, gateIds);
  const compat = await compatTaskHashesNow(consumers, compatTargetName);
  const unknownHashWhy = current.problem ?? compat.problem;
  const now = readEvidenceSnapshot(
    diskFileReader(context.root),
    governance.data,
    consumers,
    { root: context.root, currentHashes: current.hashes, compatHashes: compat.hashes, ...(unknownHashWhy ? { unknownHashWhy } : {}) },
    compatTargetName,
  );
  // The base's own data decides what it defined; evidence it cannot read counts as none; its records are judged as they stood then.
  const then = readEvidenceSnapshot(atBase, loadGovernance(atBase, governance.data.settingsFile).data, consumers, { asRecorded: true }, compatTargetName);
  const report = comparePrEvidence(resolved.revision, now, then);
  const commits = { head: headCommitFromEnv(process.env) ?? headCommit(context.root), base: resolved.commit };
  const markdown = renderPrReport(report, evidenceLinks(repositoryHostFromEnv(process.env), commits));
  if (options.output) writeFileAtomically(reportPath(context.root, options.output), markdown);
  if (options.summary) {
    const summaryFile = process.env.GITHUB_STEP_SUMMARY;
    if (!summaryFile) {
      logger.error('--summary needs $GITHUB_STEP_SUMMARY, which GitHub Actions sets; use --output elsewhere.');
      return { success: false };
    }
    appendFileSync(summaryFile, markdown);
  }
  if (!options.output && !options.summary) logger.info(markdown);
  writeJsonReport(context.root, options.json, { kind: 'nx-governance/pr-report', ...report });
  logger.info(`${countOf(report.newFailures, 'new failure')} against ${resolved.revision}; ${report.toRunAgain} to run again; ${countOf(report.tierChanges.length, 'tier change')}.`);
  return { success: true };
}

export default withOneLineWriteErrors(reportExecutor);
