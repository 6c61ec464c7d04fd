import type { ProcessFacts } from '../process/run-process';
import type { TestCounts } from '../process/test-counts';

export const COMPAT_RESULTS = ['pass', 'regressed', 'fixed', 'still-failing', 'spurious', 'skipped'] as const;
export type CompatClassification = (typeof COMPAT_RESULTS)[number];

/** What one run showed, before it is compared with the run before it. */
export type CompatOutcome = 'pass' | 'fail' | 'spurious' | 'skipped';

export interface CompatTuple {
  /** `unknown` when git could not say whether the folder has uncommitted changes. */
  core: { project: string; version?: string; commit?: string; dirty: boolean | 'unknown' };
  consumer: { name: string; version?: string; commit?: string; dirty: boolean | 'unknown' };
  schemaVersion?: string;
}

export interface CompatRecord extends Partial<Omit<ProcessFacts, 'durationMs'>> {
  kind: 'nx-governance/compat-result';
  formatVersion: 1;
  consumer: string;
  project: string;
  tuple: CompatTuple;
  result: CompatClassification;
  outcome: CompatOutcome;
  reason: string;
  previous?: { result: CompatClassification; finishedAt: string; digest: string };
  tests?: TestCounts;
  command?: { argv: string[]; cwd: string; env: string[] };
  durationMs: number;
  /**
   * Set when Nx restored this result from its cache for a core and consumer whose commits (or clean
   * state) differ from the run's: the run it came from. Same inputs, same outcome; the tuple names now.
   */
  restoredFrom?: { digest: string; finishedAt: string; coreCommit?: string; coreDirty: boolean | 'unknown' };
  bisect?: { good: string; firstBad?: string; tested: Array<{ commit: string; outcome: CompatOutcome }>; note: string };
  startedAt: string;
  finishedAt: string;
  digest: string;
}

/**
 * Compares an outcome with the consumer's previous result, as crater does:
 * a failure is a regression only when the consumer passed before, and a
 * spurious or skipped run says nothing about the consumer.
 */
export function classifyCompatResult(outcome: CompatOutcome, previous: CompatClassification | undefined): CompatClassification {
  if (outcome === 'spurious' || outcome === 'skipped') return outcome;
  const before = previous && compatVerdict(previous);
  if (outcome === 'pass') return before === 'fail' ? 'fixed' : 'pass';
  return before === 'pass' ? 'regressed' : 'still-failing';
}

/**
 * What a result says about the consumer, the one rule every reader applies
 * (matrix, readiness, the rollback trigger, the next run's baseline):
 * - `pass`: its tests passed against that core (pass, fixed);
 * - `fail`: they failed (regressed, still-failing);
 * - `inconclusive`: the run could not say (spurious: no build, a timeout, a kill);
 * - `not-applicable`: the consumer does not claim support for that core, so nothing ran (skipped).
 */
export type CompatVerdict = 'pass' | 'fail' | 'inconclusive' | 'not-applicable';

export function compatVerdict(result: CompatClassification): CompatVerdict {
  switch (result) {
    case 'pass':
    case 'fixed':
      return 'pass';
    case 'regressed':
    case 'still-failing':
      return 'fail';
    case 'spurious':
      return 'inconclusive';
    case 'skipped':
      return 'not-applicable';
  }
}

/** Whether a result lets the compat target succeed: a pass, or a consumer that claims no support for this core. */
export function isCompatSuccess(result: CompatClassification): boolean {
  const verdict = compatVerdict(result);
  return verdict === 'pass' || verdict === 'not-applicable';
}

/** Whether a result tells anything about the consumer, so a later run compares against it. */
export function isMeaningfulCompatResult(result: CompatClassification): boolean {
  const verdict = compatVerdict(result);
  return verdict === 'pass' || verdict === 'fail';
}
