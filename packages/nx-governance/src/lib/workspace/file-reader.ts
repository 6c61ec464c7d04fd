import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';

/**
 * How the core reads a workspace. On disk for executors; generators pass one
 * backed by the Nx Tree, so the same code validates staged changes.
 */
export interface FileReader {
  /** The file's text, or undefined when it does not exist. */
  read(path: string): string | undefined;
  /** Workspace-relative paths of the files directly in `dir` that end in `extension`, sorted. */
  list(dir: string, extension: string): string[];
  /** Workspace-relative paths of files with this exact name anywhere, sorted; dependency and build folders are skipped. */
  findByName(fileName: string): string[];
}

/** Folders that never hold governance data and are expensive to walk. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.nx', 'dist', 'target', '__pycache__', '.venv'];

export function diskFileReader(root: string): FileReader {
  return {
    read(path) {
      const full = join(root, path);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    },
    list(dir, extension) {
      return fg
        .sync(`*${extension}`, { cwd: join(root, dir), onlyFiles: true })
        .map((name) => `${dir}/${name}`)
        .sort();
    },
    findByName(fileName) {
      return fg
        .sync(`**/${fileName}`, { cwd: root, onlyFiles: true, ignore: SKIPPED_FOLDERS.map((f) => `**/${f}/**`) })
        .sort();
    },
  };
}
