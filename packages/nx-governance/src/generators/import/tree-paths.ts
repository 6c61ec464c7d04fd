import { basename } from 'node:path';
import type { Tree } from '@nx/devkit';

/** Every file below `dir`, recursively, sorted. */
export function treeFiles(tree: Tree, dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of tree.children(folder)) {
      const path = `${folder}/${name}`;
      if (tree.isFile(path)) files.push(path);
      else walk(path);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * The workspace path an absolute path from the prose points at: what follows
 * the repository's own name in it (the folder's name, or the core's), or else
 * its longest tail that exists here. Undefined for a path outside the repository.
 */
export function treeWorkspacePath(tree: Tree, absolute: string, names: string[]): string | undefined {
  const parts = absolute.split('/').filter(Boolean);
  const own = new Set([basename(tree.root), ...names]);
  const at = parts.findIndex((part) => own.has(part));
  if (at >= 0) return parts.slice(at + 1).join('/') || '.';
  for (let i = 1; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (tree.exists(candidate)) return candidate;
  }
  return undefined;
}
