import { glob, type Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from 'nx/src/utils/sync-generators';
import { renderedDocuments } from '../../core/docs/rendered-documents';
import { loadGovernance } from '../../core/workspace/load-governance';
import { treeFileReader } from '../tree-file-reader';

/**
 * Keeps the rendered documents in step with the data. Writes only what
 * differs, so an up-to-date workspace has no changes and `nx sync:check` passes.
 */
export default async function syncGenerator(tree: Tree): Promise<SyncGeneratorResult> {
  const reader = treeFileReader(tree);
  const stale: string[] = [];
  for (const settingsFile of glob(tree, ['**/governance.json']).sort()) {
    const { data } = loadGovernance(reader, settingsFile);
    for (const { path, content } of renderedDocuments(reader, data)) {
      if (reader.read(path) === content) continue;
      tree.write(path, content);
      stale.push(path);
    }
  }
  return stale.length
    ? { outOfSyncMessage: `Rendered governance documents are out of date with the data: ${stale.join(', ')}. Run \`nx sync\` and commit the result.` }
    : {};
}
