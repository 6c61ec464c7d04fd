import type { Tree } from '@nx/devkit';
import { formatDiagnostic } from '../lib/diagnostics';
import { resolveConsumers } from '../lib/consumers/resolve-consumers';
import { DEFAULT_SETTINGS_FILE, loadGovernance } from '../lib/workspace/load-governance';
import { treeFileReader } from './tree-file-reader';

/**
 * The governance data as staged in the Tree. Generators refuse to build on
 * broken data: the first problems are thrown with their file and line.
 */
export function loadTreeGovernance(tree: Tree, settingsFile = DEFAULT_SETTINGS_FILE) {
  const reader = treeFileReader(tree);
  const { data, diagnostics } = loadGovernance(reader, settingsFile);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    throw new Error(`The governance data has problems; fix them first (nx run governance:validate):\n${errors.slice(0, 10).map(formatDiagnostic).join('\n')}`);
  }
  return { data, reader, consumers: resolveConsumers(reader, data) };
}

/** JSON as the data files are written: two spaces, a final newline. */
export function writeDataJson(tree: Tree, path: string, value: unknown): void {
  tree.write(path, `${JSON.stringify(value, null, 2)}\n`);
}
