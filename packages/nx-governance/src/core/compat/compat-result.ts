import type { ProcessFacts } from '../process/run-process';
import type { TestCounts } from '../process/test-counts';

export const COMPAT_RESULTS = ['pass', 'regressed', 'fixed', 'still-failing', 'spurious', 'skipped'] as const;
export type CompatClassification = (typeof COMPAT_RESULTS)[number];

/** What one run showed, before it is compared with the run before it. */
export type CompatOutcome = 'pass' | 'fail' | 'spurious' | 'skipped';

export interface CompatTuple {
  core: { project: string; version?: string; commit?: string; dirty: boolean };
  consumer: { name: string; version?: string; commit?: string; dirty: boolean };
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
  const passedBefore = previous === 'pass' || previous === 'fixed';
  const failedBefore = previous === 'regressed' || previous === 'still-failing';
  if (outcome === 'pass') return failedBefore ? 'fixed' : 'pass';
  return passedBefore ? 'regressed' : 'still-failing';
}

/** Whether a result lets the compat target succeed. */
export function isCompatSuccess(result: CompatClassification): boolean {
  return result === 'pass' || result === 'fixed' || result === 'skipped';
}
