import { spawnSync } from 'node:child_process';

/** Runs git with argv (no shell); undefined when git fails or is missing. `trim: false` keeps a file's bytes as they are. */
export function git(root: string, args: string[], options: { trim?: boolean } = {}): string | undefined {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) return undefined;
  return options.trim === false ? result.stdout : result.stdout.trim();
}

export function headCommit(root: string): string | undefined {
  return git(root, ['rev-parse', 'HEAD']);
}

export function currentBranch(root: string): string | undefined {
  return git(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
}

/**
 * Whether tracked or untracked files differ from HEAD (below `path` when
 * given, leaving out `exclude`, e.g. the evidence a run is writing).
 */
export function isDirty(root: string, path?: string, exclude?: string): boolean {
  const pathspec = [...(path ? [path] : exclude ? ['.'] : []), ...(exclude ? [`:(exclude)${exclude}`] : [])];
  const status = git(root, ['status', '--porcelain', '--untracked-files=normal', ...(pathspec.length ? ['--', ...pathspec] : [])]);
  return status === undefined ? false : status !== '';
}

/**
 * The commit that identifies a folder's content: a git submodule's own commit,
 * or else the last commit that touched the folder.
 */
export function folderCommit(root: string, path: string): string | undefined {
  const entry = git(root, ['ls-tree', 'HEAD', path]);
  const submodule = entry && /^160000 commit ([0-9a-f]{40})\t/.exec(entry);
  if (submodule) return submodule[1];
  return git(root, ['log', '-1', '--format=%H', '--', path]) || undefined;
}

export function commitExists(root: string, commit: string): boolean {
  return git(root, ['cat-file', '-e', `${commit}^{commit}`]) !== undefined;
}
