import { isAbsolute, join } from 'node:path';

/** A report path typed on the command line: absolute as written, relative to the workspace root otherwise. */
export function reportPath(root: string, path: string): string {
  return isAbsolute(path) ? path : join(root, path);
}

/** Where a `--json` report goes. */
export type ReportDestination = { to: 'file'; path: string } | { to: 'stdout' };

/**
 * `--json` as a command hands it on: a path (see reportPath), or alone for
 * standard output (Nx passes `true`; the post-run hook, reading the command
 * line itself, a bare `--json` as ''); absent or false, no report.
 */
export function reportDestination(root: string, option: string | boolean | undefined): ReportDestination | undefined {
  if (option === undefined || option === false) return undefined;
  if (option === true || option === '') return { to: 'stdout' };
  return { to: 'file', path: reportPath(root, option) };
}
