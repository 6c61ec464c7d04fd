import { lstatSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

export type InsideWorkspace = { ok: true; path: string } | { ok: false; error: string };

/**
 * The absolute path of `path` (workspace-relative, from a data file or built
 * from ids and versions), refused when it leaves the workspace or when a
 * folder or file on the way below `guardedFolder` (the evidence folder) is a
 * symlink, which would let a write land anywhere the link points.
 */
export function resolveInsideWorkspace(root: string, path: string, guardedFolder?: string): InsideWorkspace {
  const refuse = (why: string): InsideWorkspace => ({ ok: false, error: `${path}: found ${why}, expected a path inside the workspace` });
  if (isAbsolute(path) || /^[A-Za-z]:[\\/]/.test(path)) return refuse('an absolute path');
  const full = resolve(root, path);
  const fromRoot = relative(resolve(root), full);
  if (fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot)) return refuse('a path that leaves the workspace');
  if (guardedFolder !== undefined) {
    const link = firstSymlink(resolve(root), guardedFolder, fromRoot);
    if (link) return { ok: false, error: `${link}: found a symlink inside the evidence folder, expected a real folder or file` };
  }
  return { ok: true, path: full };
}

/** The first symlink (workspace-relative) among `guarded` and the parts of `target` below it. */
function firstSymlink(root: string, guarded: string, target: string): string | undefined {
  const parts = target.split(sep);
  const guardedDepth = guarded.split(/[\\/]/).filter(Boolean).length;
  if (relative(guarded, target).startsWith('..')) return undefined;
  for (let depth = guardedDepth; depth <= parts.length; depth++) {
    const partial = parts.slice(0, depth).join(sep);
    try {
      if (lstatSync(join(root, partial)).isSymbolicLink()) return partial;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** `resolveInsideWorkspace`, for places where a refusal means data got past validation: it throws. */
export function insideWorkspaceOrThrow(root: string, path: string, guardedFolder?: string): string {
  const resolved = resolveInsideWorkspace(root, path, guardedFolder);
  if (!resolved.ok) throw new Error(resolved.error);
  return resolved.path;
}

/** An id or version that becomes one folder or file name: refused when it could name another place (`..`, a separator). */
export function asPathSegment(what: string, value: string): InsideWorkspace {
  if (value && value !== '.' && value !== '..' && !/[\\/\0]/.test(value)) return { ok: true, path: value };
  return { ok: false, error: `${what}: found ${JSON.stringify(value)}, expected a name for one folder (no "/", "\\\\" or "..")` };
}
