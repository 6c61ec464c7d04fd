import type { Tree } from '@nx/devkit';
import { below, isSkippedFolder } from '../../lib/import/import-sources';

/** Every file below `dir` (`.` for the root), recursively, sorted, as workspace paths; dependency, VCS and build folders are skipped. */
export function treeFiles(tree: Tree, dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of tree.children(folder === '.' ? '' : folder)) {
      const path = below(folder, name);
      if (tree.isFile(path)) files.push(path);
      else if (!isSkippedFolder(name)) walk(path);
    }
  };
  walk(dir);
  return files.sort();
}

const ABSOLUTE_PATH = /(?<![\w.~-])\/(?:[\w.@+-]+\/)*[\w.@+-]+/g;

/**
 * Where the prose's own checkout was: the folders that absolute paths in the
 * prose put in front of files that exist here (`/home/dev/cairn` from
 * `/home/dev/cairn/scripts/x.sh`). Learnt from the prose and the repository's
 * files only, so the same prose converts the same in any checkout folder.
 */
export function proseCheckoutRoots(tree: Tree, texts: readonly string[]): string[] {
  // Each root with the longest tail it explains: `scripts/x.sh` below a root says more than a lone `cairn` (a folder here that shares the checkout's name).
  const evidence = new Map<string, number>();
  for (const text of texts) {
    for (const [path] of text.matchAll(ABSOLUTE_PATH)) {
      const parts = path.split('/').filter(Boolean);
      const at = parts.findIndex((_, i) => i > 0 && tree.exists(parts.slice(i).join('/')));
      if (at > 0) {
        const root = `/${parts.slice(0, at).join('/')}`;
        evidence.set(root, Math.max(evidence.get(root) ?? 0, parts.length - at));
      }
    }
  }
  const ranked = [...evidence].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]));
  const nested = (a: string, b: string) => a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  const roots: string[] = [];
  for (const [root] of ranked) if (!roots.some((kept) => nested(kept, root))) roots.push(root);
  return roots.sort((a, b) => b.length - a.length || a.localeCompare(b));
}

/**
 * The workspace path an absolute path from the prose points at: below one of
 * the prose's checkout roots, or else its longest tail that exists here.
 * Undefined for a path outside the repository.
 */
export function treeWorkspacePath(tree: Tree, absolute: string, roots: readonly string[]): string | undefined {
  const root = roots.find((r) => absolute === r || absolute.startsWith(`${r}/`));
  if (root) return absolute.slice(root.length + 1) || '.';
  const parts = absolute.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const candidate = parts.slice(i).join('/');
    if (tree.exists(candidate)) return candidate;
  }
  return undefined;
}
