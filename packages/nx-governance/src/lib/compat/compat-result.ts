import type { z } from 'zod';
import type { compatResultSchema } from '../evidence/evidence-schemas';
import type { CompatClassification, CompatOutcome } from '../evidence/record-vocabulary';

export { COMPAT_RESULTS, type CompatClassification, type CompatOutcome } from '../evidence/record-vocabulary';

/** A compatibility result as its schema defines it (derived, so writer and reader agree). */
export type CompatRecord = z.output<typeof compatResultSchema>;
export type CompatTuple = CompatRecord['tuple'];

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
