import { classifyCompatResult, type CompatClassification, type CompatOutcome } from './compat-result';

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
