import { glob, type Tree } from '@nx/devkit';
import type { SyncGeneratorResult } from '../../nx-internals';
import { isGeneratedDocument } from '../../lib/docs/generated-marker';
import { resultsOfCheckout } from '../../lib/compat/checkout-results';
import { renderedDocuments } from '../../lib/docs/rendered-documents';
import { loadGovernance } from '../../lib/workspace/load-governance';
import { treeFileReader } from '../tree-file-reader';

/**
 * Keeps the rendered documents in step with the data. Writes only what
 * differs, so an up-to-date workspace has no changes and `nx sync:check` passes.
 * A file without the generated-file marker was written by a person: it is
 * never replaced, and the message says how to render elsewhere.
 */
export default async function syncGenerator(tree: Tree): Promise<SyncGeneratorResult> {
  const reader = treeFileReader(tree);
  const stale: string[] = [];
  const messages: string[] = [];
  for (const settingsFile of glob(tree, ['**/governance.json']).sort()) {
    const { data } = loadGovernance(reader, settingsFile);
    const refused: string[] = [];
    for (const { path, content } of renderedDocuments(reader, data, resultsOfCheckout(tree.root, data.settings))) {
      const current = reader.read(path);
      if (current === content) continue;
      if (current !== undefined && !isGeneratedDocument(path, current)) {
        refused.push(path);
        continue;
      }
      tree.write(path, content);
      stale.push(path);
    }
    if (refused.length) {
      messages.push(
        `${refused.join(', ')} have no generated-file marker (written by hand?); nx sync does not replace them. Set "paths.docs" in ${settingsFile} to render into another folder, or delete them to let nx sync own them.`,
      );
    }
  }
  if (stale.length) messages.unshift(`Rendered governance documents are out of date with the data: ${stale.join(', ')}. Run \`nx sync\` and commit the result.`);
  return messages.length ? { outOfSyncMessage: messages.join(' ') } : {};
}
