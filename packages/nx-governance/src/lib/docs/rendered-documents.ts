import { EVERY_RESULT, type ResultCurrency } from '../compat/checkout-results';
import { resolveConsumers } from '../consumers/resolve-consumers';
import { workspaceMatrix } from '../matrix/workspace-matrix';
import { renderMatrixJson, renderMatrixMarkdown } from '../matrix/render-matrix';
import type { FileReader } from '../workspace/file-reader';
import { renderCadenceMarkdown } from './render-cadence';
import { renderPlaybookMarkdown } from './render-playbook';
import type { GovernanceData } from '../workspace/load-governance';
import { CADENCE_FILE, MATRIX_FILE, MATRIX_FILE_NAMES, PLAYBOOK_FILE } from './rendered-names';

export interface RenderedDocument {
  path: string;
  content: string;
}

export { MATRIX_FILE } from './rendered-names';

/** Every document rendered from the governance data, with the path it belongs at; the matrix from the results `currency` counts (resultsOfCheckout in a checkout). */
export function renderedDocuments(reader: FileReader, data: GovernanceData, currency: ResultCurrency = EVERY_RESULT): RenderedDocument[] {
  const docs = data.settings.paths.docs;
  const documents: RenderedDocument[] = [];
  // Consumers declared in their own folders belong in the matrix too, untested until a result lands.
  const matrix = data.compatibility ? workspaceMatrix(reader, data, resolveConsumers(reader, data), currency) : undefined;
  if (matrix) {
    documents.push({ path: `${docs}/${MATRIX_FILE}`, content: renderMatrixMarkdown(matrix) });
    documents.push({ path: `${docs}/${MATRIX_FILE_NAMES[1]}`, content: renderMatrixJson(matrix) });
  }
  const playbook = data.playbook?.data;
  if (playbook) documents.push({ path: `${docs}/${PLAYBOOK_FILE}`, content: renderPlaybookMarkdown(playbook, data.gates?.data.gates ?? []) });
  if (data.cadence) documents.push({ path: `${docs}/${CADENCE_FILE}`, content: renderCadenceMarkdown(data.cadence.data, playbook) });
  return documents;
}
