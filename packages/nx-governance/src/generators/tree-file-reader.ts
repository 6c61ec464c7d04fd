import { glob, type Tree } from '@nx/devkit';
import type { FileReader } from '../lib/workspace/file-reader';
import { SKIPPED_FOLDERS } from '../lib/workspace/file-reader';

/** The core's FileReader over the Nx Tree, so generators see staged changes. */
export function treeFileReader(tree: Tree): FileReader {
  return {
    read: (path) => (tree.exists(path) && tree.isFile(path) ? tree.read(path, 'utf8') ?? undefined : undefined),
    list: (dir, extension) =>
      tree.exists(dir)
        ? tree
            .children(dir)
            .filter((name) => name.endsWith(extension) && tree.isFile(`${dir}/${name}`))
            .map((name) => `${dir}/${name}`)
            .sort()
        : [],
    findByName: (name) => glob(tree, [`**/${name}`]).filter((path) => !path.split('/').some((part) => SKIPPED_FOLDERS.includes(part))).sort(),
  };
}
