import { type ExecutorContext, logger } from '@nx/devkit';
import { resolveCore } from '../../lib/consumers/resolve-core';
import { posix } from 'node:path';
import { consumerVersion } from '../../lib/consumers/consumer-version';
import { recordValidatedRelease } from '../../lib/compat/record-release';
import { todayUtc } from '../../lib/dates';
import { commitChanges, headCommit, uncommittedFiles, uncommittedFilesIn } from '../../lib/git/git';
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
  if (!verdict.success) return verdict;
  // The release and the tuple it was validated with go into the compatibility document, so the matrix keeps its tier
  // once the consumers' latest results move on to the next release (the matrix reads no machine's history).
  const compatibility = data.compatibility;
  if (compatibility && version !== '<version>') {
    const versions = consumers.map((consumer) => [consumer.name, consumerVersion(diskFileReader(context.root), consumer)] as const);
    const text = diskFileReader(context.root).read(compatibility.file);
    if (text !== undefined) {
      const commit = headCommit(context.root);
      recordValidatedRelease(context.root, compatibility.file, text, {
        version,
        ...(commit ? { commit } : {}),
        date: todayUtc(),
        consumers: Object.fromEntries(versions.map(([name, read]) => [name, read.ok ? read.version : 'any'])),
      });
      logger.info(`Recorded ${version} in ${compatibility.file}: released, validated with ${versions.map(([name, read]) => `${name} ${read.ok ? read.version : 'any'}`).join(', ') || 'no consumer'}.`);
      await runNx(context.root, ['sync']);
      if (options.commit) {
        const committed = commitChanges(context.root, evidence, `docs(governance): record ${version} as released`);
        if (!committed.ok) logger.error(`Could not commit the release's record: ${committed.reason}`);
      }
    }
  }
  // What a reviewer signs on (the latest records, the packet, the release's row) is committed: say what is left to commit.
  const left = uncommittedFilesIn(context.root, '.');
  if (left.ok && left.files.length) {
    const folders = [...new Set(left.files.map((file) => (file.startsWith(`${evidence}/`) ? evidence : posix.dirname(file))))];
    logger.info(`The release's evidence and records are not committed yet (${left.files.length} file(s), e.g. ${left.files.slice(0, 3).join(', ')}).`);
    logger.info(`Commit them with the release: git add ${folders.join(' ')} && git commit -m "chore(release): evidence for ${version}"`);
  }
  return verdict;
}

export default withOneLineWriteErrors(releaseCandidateExecutor);
