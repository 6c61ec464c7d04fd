import { knownList } from '../text/known-list';
import type { CompatibilityMatrix, MatrixCell } from './compute-matrix';

export interface MatrixAnswer {
  core: string;
  consumer: string;
  consumerVersion?: string;
  cells: MatrixCell[];
  error?: string;
}

/** The matrix's answer for `core` and `consumer[@version]`; an unknown version is untested, an unknown name an error. */
export function queryMatrix(matrix: CompatibilityMatrix, core: string, consumerSpec: string): MatrixAnswer {
  const at = consumerSpec.lastIndexOf('@');
  const consumer = at > 0 ? consumerSpec.slice(0, at) : consumerSpec;
  const consumerVersion = at > 0 ? consumerSpec.slice(at + 1) : undefined;
  const base = { core, consumer, ...(consumerVersion ? { consumerVersion } : {}) };
  if (!matrix.consumers.includes(consumer)) return { ...base, cells: [], error: `unknown consumer ${consumer}, expected one of: ${knownList(matrix.consumers, consumer)}` };
  const forCore = matrix.cells.filter((c) => c.core === core && c.consumer === consumer);
  if (!matrix.cells.some((c) => c.core === core)) {
    const cycle = matrix.cycles.find((c) => core.startsWith(`${c.cycle}.`));
    const why = cycle && !cycle.inWindow ? `the ${cycle.cycle} line left the support window on ${cycle.eol}` : `${core} is not a core release in the support window`;
    return { ...base, cells: [{ core, consumer, consumerVersion: consumerVersion ?? 'any', tier: 'unsupported', why }] };
  }
  const cells = consumerVersion ? forCore.filter((c) => c.consumerVersion === consumerVersion || c.consumerVersion === 'any') : forCore;
  return cells.length ? { ...base, cells } : { ...base, cells: [{ core, consumer, consumerVersion: consumerVersion!, tier: 'untested', why: `no tuple or result for ${consumer} ${consumerVersion} with ${core}` }] };
}
