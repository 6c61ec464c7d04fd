import type { ChainAnchor } from './evidence-schemas';
import type { GateEvidence } from './gate-record';

/** An anchor is named for the record the chain now starts at, so an older one restored by Nx never replaces a newer one. */
const ANCHOR_FILE = /\/anchor-(\d{6})\.json$/;
const RECORD_FILE = /\/(\d{6})-[^/]*\.json$/;

export function anchorFileName(firstSequence: number): string {
  return `anchor-${String(firstSequence).padStart(6, '0')}.json`;
}

export function isAnchorFile(file: string): boolean {
  return ANCHOR_FILE.test(file);
}

export interface ChainEntry {
  file: string;
  /** Absent when the file did not read as a gate record (verify-evidence names why). */
  evidence?: GateEvidence;
}

export interface AnchorEntry {
  file: string;
  anchor: ChainAnchor;
}

/**
 * A gate's records as verification sees them: the chain from the newest
 * anchor on (from record 1 without one), and the history before it, which
 * prune-evidence left (a record evidence names) or Nx restored from its cache.
 */
export interface AnchoredChain<T extends ChainEntry = ChainEntry> {
  anchor?: AnchorEntry;
  chain: T[];
  history: T[];
  /** Anchors of earlier prunes: history too. */
  olderAnchors: AnchorEntry[];
}

function sequenceOf({ file, evidence }: ChainEntry): number {
  return evidence?.record.sequence ?? Number(RECORD_FILE.exec(file)?.[1] ?? 0);
}

/** Splits a gate's records at its newest anchor. */
export function splitAtAnchor<T extends ChainEntry>(entries: T[], anchors: AnchorEntry[]): AnchoredChain<T> {
  const sorted = [...anchors].sort((a, b) => b.anchor.firstSequence - a.anchor.firstSequence);
  const [anchor, ...olderAnchors] = sorted;
  const first = anchor?.anchor.firstSequence ?? 1;
  const ordered = [...entries].sort((a, b) => a.file.localeCompare(b.file));
  return {
    ...(anchor ? { anchor } : {}),
    chain: ordered.filter((entry) => sequenceOf(entry) >= first),
    history: ordered.filter((entry) => sequenceOf(entry) < first),
    olderAnchors,
  };
}

/**
 * What breaks a chain: a record out of place (missing, moved or swapped), a
 * link to anything but the record before it, and, after a prune, a first
 * record that is not the one its anchor names.
 */
export function chainLinkProblems(gate: string, { anchor, chain }: AnchoredChain): Array<{ file: string; message: string }> {
  const problems: Array<{ file: string; message: string }> = [];
  const first = anchor?.anchor.firstSequence ?? 1;
  if (anchor && anchor.file.replace(ANCHOR_FILE, `/${anchorFileName(first)}`) !== anchor.file) {
    problems.push({ file: anchor.file, message: `found an anchor for record ${first}, expected it named ${anchorFileName(first)}` });
  }
  if (anchor && !chain.length) {
    problems.push({ file: anchor.file, message: `the anchor says the chain goes on at record ${first}, but records/ holds none from there: the records after the anchor are missing` });
  }
  let previous: GateEvidence | undefined;
  chain.forEach(({ file, evidence }, index) => {
    if (!evidence) {
      previous = undefined;
      return;
    }
    const expectedName = `${String(evidence.record.sequence).padStart(6, '0')}-${gate}.json`;
    if (evidence.record.sequence !== first + index || !file.endsWith(`/${expectedName}`)) {
      const start = anchor ? ` (which starts at record ${first}, after ${anchor.file})` : '';
      problems.push({ file, message: `record ${evidence.record.sequence} stands at position ${first + index} of the chain${start} (a record is missing, moved or swapped)` });
    }
    const expectedPrevious = index > 0 ? (previous?.digest ?? 'unreadable') : (anchor?.anchor.previousDigest ?? null);
    if (evidence.record.previousDigest !== expectedPrevious) {
      const before = index === 0 && anchor ? `the record the anchor ${anchor.file} names` : 'the record before it';
      problems.push({ file, message: `previous digest ${evidence.record.previousDigest ?? 'none'} does not match ${before} (${expectedPrevious ?? 'none'})` });
    }
    previous = evidence;
  });
  return problems;
}
