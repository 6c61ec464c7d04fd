import { classifyCompatResult, type CompatClassification, type CompatOutcome, type CompatVerdict, compatVerdict, isCompatSuccess, isMeaningfulCompatResult } from './compat-result';

describe('classifyCompatResult', () => {
  it.each<[CompatOutcome, CompatClassification | undefined, CompatClassification]>([
    ['pass', undefined, 'pass'],
    ['pass', 'pass', 'pass'],
    ['pass', 'fixed', 'pass'],
    ['pass', 'regressed', 'fixed'],
    ['pass', 'still-failing', 'fixed'],
    ['fail', 'pass', 'regressed'],
    ['fail', 'fixed', 'regressed'],
    ['fail', 'regressed', 'still-failing'],
    ['fail', 'still-failing', 'still-failing'],
    ['fail', undefined, 'still-failing'],
    ['spurious', 'pass', 'spurious'],
    ['skipped', 'regressed', 'skipped'],
  ])('%s after %s is %s', (outcome, previous, expected) => {
    expect(classifyCompatResult(outcome, previous)).toBe(expected);
  });
});

describe('compatVerdict', () => {
  it.each<[CompatClassification, CompatVerdict, boolean, boolean]>([
    ['pass', 'pass', true, true],
    ['fixed', 'pass', true, true],
    ['regressed', 'fail', false, true],
    ['still-failing', 'fail', false, true],
    ['spurious', 'inconclusive', false, false],
    ['skipped', 'not-applicable', true, false],
  ])('%s is %s (target succeeds: %s, meaningful: %s)', (result, verdict, success, meaningful) => {
    expect(compatVerdict(result)).toBe(verdict);
    expect(isCompatSuccess(result)).toBe(success);
    expect(isMeaningfulCompatResult(result)).toBe(meaningful);
  });
});
