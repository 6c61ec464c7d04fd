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
