import { posix } from 'node:path';
import { SKIPPED_FOLDERS, type FileReader } from '../workspace/file-reader';
import { git } from './git';

/**
 * The workspace as it was at `revision`, read from git's objects: the same
 * readers that judge the working tree can then judge the base of a change.
 * Returns undefined when git does not know the revision.
 */
export function revisionFileReader(root: string, revision: string): FileReader | undefined {
  const commit = revisionCommit(root, revision);
  if (!commit) return undefined;
  let tree: string[] | undefined;
  const allFiles = () => (tree ??= (git(root, ['ls-tree', '-r', '--name-only', commit]) ?? '').split('\n').filter(Boolean));
  return {
    read: (path) => git(root, ['cat-file', '-p', `${commit}:${path}`], { trim: false }),
    list: (dir, extension) => allFiles().filter((file) => posix.dirname(file) === dir && file.endsWith(extension)).sort(),
    findByName: (name) => allFiles().filter((file) => posix.basename(file) === name && !file.split('/').some((part) => SKIPPED_FOLDERS.includes(part))).sort(),
  };
}

/** The commit `revision` (a branch, tag, sha, `origin/main`…) names, or undefined when git does not know it. */
export function revisionCommit(root: string, revision: string): string | undefined {
  return git(root, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]);
}

export type ResolvedRevision = { ok: true; revision: string; commit: string; note?: string } | { ok: false; error: string };

/**
 * The revision a command compares with: as given when git knows it, else the
 * remote-tracking branch of that name (`main` in a CI clone of a pull request,
 * which has only `origin/main`), as git's own checkout guesses; else what to do.
 */
export function resolveRevision(root: string, revision: string): ResolvedRevision {
  const commit = revisionCommit(root, revision);
  if (commit) return { ok: true, revision, commit };
  const remote = `origin/${revision}`;
  const remoteCommit = revision.includes('/') ? undefined : revisionCommit(root, remote);
  if (remoteCommit) return { ok: true, revision: remote, commit: remoteCommit, note: `${revision} is not a branch in this clone: comparing with ${remote}` };
  const also = revision.includes('/') ? '' : ` (nor ${remote})`;
  return { ok: false, error: `git does not know the revision ${revision}${also}: fetch enough history (actions/checkout with fetch-depth: 0) or name another base.` };
}
