import { runProcessSync } from '../process/run-process-sync';

export type GitResult = { ok: true; stdout: string } | { ok: false; reason: string };

/** Runs git with argv (no shell): its output, or why it failed (git's own first line of error). `trim: false` keeps a file's bytes. */
export function runGit(root: string, args: string[], options: { trim?: boolean } = {}): GitResult {
  const result = runProcessSync({ argv: ['git', ...args], cwd: root, timeoutMs: 30_000 });
  if (!result.ok) return { ok: false, reason: `git ${args[0]}: ${result.reason}` };
  if (result.exitCode !== 0) {
    const message = result.stderr.trim().split('\n')[0] || `exited ${result.exitCode}`;
    return { ok: false, reason: `git ${args[0]}: ${message}` };
  }
  return { ok: true, stdout: options.trim === false ? result.stdout : result.stdout.trim() };
}

/** Runs git with argv (no shell); undefined when git fails or is missing. */
export function git(root: string, args: string[], options: { trim?: boolean } = {}): string | undefined {
  const result = runGit(root, args, options);
  return result.ok ? result.stdout : undefined;
}

export function headCommit(root: string): string | undefined {
  return git(root, ['rev-parse', 'HEAD']);
}

export function currentBranch(root: string): string | undefined {
  return git(root, ['rev-parse', '--abbrev-ref', 'HEAD']);
}

/** Whether the tree differs from HEAD, or why git could not say: a failing git is never a clean tree. */
export type TreeState = { ok: true; dirty: boolean } | { ok: false; reason: string };

/**
 * Whether tracked or untracked files differ from HEAD (below `path` when
 * given, leaving out `exclude`, e.g. the evidence a run is writing).
 */
export function treeState(root: string, path?: string, exclude?: string): TreeState {
  const pathspec = [...(path ? [path] : exclude ? ['.'] : []), ...(exclude ? [`:(exclude)${exclude}`] : [])];
  const status = runGit(root, ['status', '--porcelain', '--untracked-files=normal', ...(pathspec.length ? ['--', ...pathspec] : [])]);
  return status.ok ? { ok: true, dirty: status.stdout !== '' } : { ok: false, reason: status.reason };
}

/** What a record says about the tree: `unknown` when git could not tell. */
export function recordedDirty(state: TreeState): boolean | 'unknown' {
  return state.ok ? state.dirty : 'unknown';
}

/**
 * Why `--requireClean` refuses to produce evidence here, or undefined when the
 * tree is clean (outside `exclude`, the evidence folder).
 */
export function requireCleanRefusal(root: string, exclude: string): string | undefined {
  const state = treeState(root, undefined, exclude);
  if (!state.ok) return `git cannot say whether the tree is clean (${state.reason}); --requireClean refuses to produce evidence for it. Fix the repository (or GIT_DIR) first.`;
  if (state.dirty) return 'The tree has uncommitted changes; --requireClean refuses to produce evidence for it. Commit or stash first.';
  return undefined;
}

/**
 * Whether commits `a` and `b` hold the same files outside `exclude` (the
 * evidence folder), or why git could not say: a commit that only adds the
 * evidence of a run, or a tag on it, holds what the run judged.
 */
export function sameTreeOutside(root: string, a: string, b: string, exclude: string): { ok: true; same: boolean } | { ok: false; reason: string } {
  if (a === b) return { ok: true, same: true };
  const diff = runGit(root, ['diff', '--name-only', a, b, '--', '.', `:(exclude)${exclude}`]);
  return diff.ok ? { ok: true, same: diff.stdout === '' } : { ok: false, reason: diff.reason };
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

/** The files with uncommitted changes outside `exclude` (the evidence folder), as git status names them; or why git could not say. */
export function uncommittedFiles(root: string, exclude: string): { ok: true; files: string[] } | { ok: false; reason: string } {
  const status = runGit(root, ['status', '--porcelain', '--untracked-files=normal', '--', '.', `:(exclude)${exclude}`], { trim: false });
  if (!status.ok) return status;
  return { ok: true, files: status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3)) };
}

/** The files under `folder` (the evidence folder) that git would commit and has not: changed, or new and not ignored. */
export function uncommittedFilesIn(root: string, folder: string): { ok: true; files: string[] } | { ok: false; reason: string } {
  const status = runGit(root, ['status', '--porcelain', '--untracked-files=all', '--', folder], { trim: false });
  if (!status.ok) return status;
  return { ok: true, files: status.stdout.split('\n').filter(Boolean).map((line) => line.slice(3)) };
}

/** Commits every change outside `exclude` with `message`; why not, when git refuses. */
export function commitChanges(root: string, exclude: string, message: string): GitResult {
  const added = runGit(root, ['add', '-A', '--', '.', `:(exclude)${exclude}`]);
  return added.ok ? runGit(root, ['commit', '-q', '-m', message]) : added;
}
