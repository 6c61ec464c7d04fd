import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { BUNDLED_MANIFESTS, REPO_ROOT } from './temp-workspace';

/** Copies a folder of the repository (e.g. the bundled governance/) into a Tree, at its path relative to `base`. */
export function copyIntoTree(tree: Tree, folder: string, base = REPO_ROOT): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree.write(relative(base, path).split('\\').join('/'), readFileSync(path));
    }
  };
  walk(join(REPO_ROOT, folder));
}

/** An empty Nx workspace Tree holding the bundled governance/ folder and the manifests of the folders it names, as most generator tests start. */
export function treeWithBundledGovernance(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  copyIntoTree(tree, 'governance');
  for (const file of BUNDLED_MANIFESTS) tree.write(file, readFileSync(join(REPO_ROOT, file)));
  return tree;
}
