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
  if (!matrix.consumers.includes(consumer)) {
    const declare = `declare it with nx g nx-governance:consumer ${consumer}`;
    return { ...base, cells: [], error: matrix.consumers.length ? `unknown consumer ${consumer}, expected one of: ${knownList(matrix.consumers, consumer)}, or ${declare}` : `unknown consumer ${consumer}: no consumer is declared; ${declare}` };
  }
  const forCore = matrix.cells.filter((c) => c.core === core && c.consumer === consumer);
  if (!matrix.cells.some((c) => c.core === core)) {
    const cycle = matrix.cycles.find((c) => core.startsWith(`${c.cycle}.`) || c.cycle === core.slice(0, 7));
    const cell = { core, consumer, consumerVersion: consumerVersion ?? 'any' };
    // A release nobody listed is not known to be unsupported: nothing is known of it.
    if (!cycle) return { ...base, cells: [{ ...cell, tier: 'untested', why: `${core} is no core release compatibility.json lists; add it to releases with its date` }] };
    const why = cycle.eol === 'unknown' ? `the ${cycle.cycle} line is outside the support window (its end is unknown: a date is not stated)` : `the ${cycle.cycle} line left the support window on ${cycle.eol}`;
    return { ...base, cells: [{ ...cell, tier: 'unsupported', why }] };
  }
  const cells = consumerVersion ? forCore.filter((c) => c.consumerVersion === consumerVersion || c.consumerVersion === 'any') : forCore;
  return cells.length ? { ...base, cells } : { ...base, cells: [{ core, consumer, consumerVersion: consumerVersion ?? 'any', tier: 'untested', why: `no tuple or result for ${consumer} ${consumerVersion ?? ''} with ${core}` }] };
}
