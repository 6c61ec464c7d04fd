import { type ExecutorContext, logger } from '@nx/devkit';
import { resolveCore } from '../../lib/consumers/resolve-core';
import { commitChanges, uncommittedFiles, uncommittedFilesIn } from '../../lib/git/git';
import { diskFileReader } from '../../lib/workspace/file-reader';
import releaseReadiness from '../release-readiness/executor';
import { runNx } from '../run-nx';
import { scopeTargetName } from '../../lib/workspace/target-names';
import { pluginOptionsIn } from '../../plugins/options';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { normalizeOptions } from './normalize-options';
import type { ReleaseCandidateExecutorSchema } from './schema';

/**
 * What `nx release version` leaves undone before readiness can say GO, in order: the candidate is a
 * commit; the gates run for the bumped tree; the consumers run against that commit; the documents
 * are rendered from their results; then readiness judges it all, each NO-GO item with its fix.
 */
async function releaseCandidateExecutor(raw: ReleaseCandidateExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const project = context.projectName;
  if (!project) {
    logger.error('release-candidate runs as a target of the governance project (nx run governance:release-candidate).');
    return { success: false };
  }
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const releaseClass = options.class ?? data.playbook?.data.defaultReleaseClass;
  const version = options.releaseVersion ?? resolveCore(diskFileReader(context.root), data.settings)?.version ?? '<version>';
  const evidence = data.settings.paths.evidence;
  // Target names as the plugin's options in nx.json set them: the one place every executor reads them from.
  const names = pluginOptionsIn(context.nxJsonConfiguration);
  const gates = `${project}:${releaseClass ? scopeTargetName(names.gateTargetName, releaseClass) : names.gateTargetName}`;

  const changes = uncommittedFiles(context.root, evidence);
  if (!changes.ok) {
    logger.error(`git cannot say whether the candidate is committed (${changes.reason}); nothing was run.`);
    return { success: false };
  }
  if (changes.files.length) {
    logger.error(`The candidate is not a commit yet: ${changes.files.join(', ')} changed. nx release version writes the new version but does not commit it, and the consumers must be judged against the commit you release.`);
    logger.error(`Fix: git add -A && git commit -m "chore(release): ${version}" (or nx release version --git-commit), then nx run ${project}:release-candidate again.`);
    return { success: false };
  }
  const steps: Array<[string, string[]]> = [
    [`1/3 The gates of ${releaseClass ?? 'the default class'} for the candidate (unchanged ones are restored)`, ['run', gates, '--outputStyle=stream']],
    ...(consumers.length
      ? ([[`2/3 Every consumer against the candidate ${version}`, ['run-many', `--target=${names.compatTargetName}`, `--projects=${consumers.map((c) => c.project).join(',')}`, '--outputStyle=stream']]] as Array<[string, string[]]>)
      : []),
    ['3/3 The documents from the new results (nx sync)', ['sync']],
  ];
  for (const [title, args] of steps) {
    logger.info(title);
    // A failing gate or consumer is judged below, with its fix; only a run that could not finish stops here.
    const run = await runNx(context.root, args);
    if (!run.ok) {
      logger.error(`nx ${args.join(' ')} did not finish: ${run.reason}`);
      return { success: false };
    }
  }
  if (options.commit) {
    const rendered = uncommittedFiles(context.root, evidence);
    if (rendered.ok && rendered.files.length) {
      const committed = commitChanges(context.root, evidence, `docs(governance): documents for ${version}`);
      if (!committed.ok) {
        logger.error(`Could not commit ${rendered.files.join(', ')}: ${committed.reason}`);
        return { success: false };
      }
      logger.info(`Committed what nx sync rendered: ${rendered.files.join(', ')}`);
    }
  }
  const verdict = await releaseReadiness({ settingsFile: options.settingsFile, releaseVersion: options.releaseVersion, class: options.class, approver: options.approver, json: options.json }, context);
  // What a reviewer signs on (the latest records, the packet) is committed under the evidence policy: say what is left to commit.
  const evidenceLeft = uncommittedFilesIn(context.root, evidence);
  if (verdict.success && evidenceLeft.ok && evidenceLeft.files.length) {
    logger.info(`The release's evidence is not committed yet (${evidenceLeft.files.length} file(s) under ${evidence}/, e.g. ${evidenceLeft.files.slice(0, 3).join(', ')}).`);
    logger.info(`Commit it with the release: git add ${evidence} && git commit -m "chore(release): evidence for ${version}"`);
  }
  return verdict;
}

export default withOneLineWriteErrors(releaseCandidateExecutor);
