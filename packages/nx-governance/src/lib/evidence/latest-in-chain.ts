import { hostname } from 'node:os';
import type { AnchoredChain } from './chain-anchor';
import type { GateEvidence } from './gate-record';

export interface LatestEntry {
  file: string;
  evidence: GateEvidence;
}

export interface LatestPlaceProblem {
  kind: 'missing' | 'broken-chain';
  file: string;
  message: string;
}

/**
 * Whether `latest` stands where it may: the head of its chain (or the record
 * before it, when a run was killed between the two writes), an older record
 * Nx restored for the inputs as they are now (its task hash is `currentHash`),
 * or, without any chain, a record made in another checkout (chains are local;
 * a committed or restored latest comes without one; `root` is undefined when
 * the records are read from a git revision, where no chain is kept). Used by verify-evidence
 * and by the judgement of evidence alike, so the two cannot disagree.
 */
export function latestPlaceProblem(root: string | undefined, { chain, history, anchor }: AnchoredChain, latest: LatestEntry, currentHash: string | undefined): LatestPlaceProblem | undefined {
  const head = chain[chain.length - 1]?.evidence;
  const record = latest.evidence.record;
  // Nx keeps one cache entry per task hash, the newest run's: a restore for the current inputs brings that run's record.
  const sameInputs = [...history, ...chain].filter(({ evidence }) => currentHash !== undefined && evidence?.record.taskHash === currentHash);
  const restoredForNow = sameInputs.length > 0 && sameInputs[sameInputs.length - 1].evidence?.digest === latest.evidence.digest;
  if (!chain.length && !anchor) {
    const madeHere = root !== undefined && record.producedBy?.host === hostname() && record.producedBy.checkout === root;
    if (madeHere) return { kind: 'missing', file: latest.file, message: `latest is record ${record.sequence}, made in this checkout, but records/ holds none: the chain was deleted` };
    return undefined;
  }
  if (head && record.sequence > head.record.sequence) {
    return { kind: 'broken-chain', file: latest.file, message: `latest is record ${record.sequence}, but the chain ends at record ${head.record.sequence}: its newest record(s) are missing` };
  }
  if (restoredForNow) return undefined;
  if (!chain.some(({ evidence }) => evidence?.digest === latest.evidence.digest)) {
    return { kind: 'broken-chain', file: latest.file, message: 'latest is a copy of no record in the chain' };
  }
  if (head && latest.evidence.digest !== head.digest && head.record.previousDigest !== latest.evidence.digest) {
    return { kind: 'broken-chain', file: latest.file, message: `latest is record ${record.sequence}, expected the chain's newest record ${head.record.sequence}` };
  }
  return undefined;
}
