import { isAbsolute, join } from 'node:path';

/** A report path typed on the command line: absolute as written, relative to the workspace root otherwise. */
export function reportPath(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}
