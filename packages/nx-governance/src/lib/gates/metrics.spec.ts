import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { boundsProblems, evaluateMetric, type Metric, readMetricValue, regression } from './metrics';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';

describe('regression', () => {
  it.each<[string, number, number, 'higher' | 'lower', number, string]>([
    ['higher is better, lower now', 100, 80, 'higher', 20, '20.0% worse'],
    ['higher is better, higher now', 100, 125, 'higher', -25, '25.0% better'],
    ['lower is better, higher now', 200, 230, 'lower', 15, '15.0% worse'],
    ['lower is better, lower now', 200, 150, 'lower', -25, '25.0% better'],
    ['the same', 100, 100.01, 'higher', -0.01, 'unchanged'],
  ])('%s', (_name, baseline, now, better, percentWorse, movement) => {
    const change = regression(baseline, now, better);
    expect(change.ok).toBe(true);
    if (change.ok) {
      expect(change.percentWorse).toBeCloseTo(percentWorse);
      expect(change.movement).toBe(movement);
    }
  });

  it.each([0, -5])('has no percentage of a baseline of %s', (baseline) => {
    expect(regression(baseline, 10)).toEqual({ ok: false, reason: `the baseline ${baseline} is not a positive number, so no percentage can be taken of it` });
  });
});

describe('boundsProblems', () => {
  it.each<[number, { min?: number; max?: number }, string[]]>([
    [5, { min: 1, max: 10 }, []],
    [0, { min: 1 }, ['below the minimum 1']],
    [11, { max: 10 }, ['above the maximum 10']],
    [5, {}, []],
  ])('%s against %j', (value, limits, problems) => {
    expect(boundsProblems(value, limits)).toEqual(problems);
  });
});

describe('metrics from files', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace());
    writeFileSync(join(root, 'now.json'), JSON.stringify({ throughput: 80 }));
    writeFileSync(join(root, 'base.json'), JSON.stringify({ throughput: 100 }));
    writeFileSync(join(root, 'zero.json'), JSON.stringify({ throughput: 0 }));
    writeFileSync(join(root, 'broken.json'), '{');
  });
  afterEach(() => cleanup());

  it.each([
    ['missing.json', '/throughput', { ok: false, reason: 'missing.json does not exist' }],
    ['broken.json', '/throughput', { ok: false, reason: 'broken.json is not valid JSON' }],
    ['now.json', '/latency', { ok: false, reason: 'now.json/latency is not a number (found undefined)' }],
    ['now.json', '/throughput', { ok: true, value: 80 }],
  ])('reads %s%s', (file, pointer, expected) => {
    expect(readMetricValue(root, file, pointer)).toEqual(expected);
  });

  const metric = (fields: Partial<Metric>): Metric => ({ name: 'throughput', file: 'now.json', pointer: '/throughput', better: 'higher', ...fields });

  it.each<[string, Partial<Metric>, boolean, string]>([
    ['within limits', { min: 50 }, true, 'throughput = 80'],
    ['below the minimum', { min: 90 }, false, 'throughput = 80: below the minimum 90'],
    ['within the regression budget', { baseline: 'base.json', maxRegressionPercent: 25 }, true, 'throughput = 80, 20.0% worse than the baseline 100'],
    ['over the regression budget', { baseline: 'base.json', maxRegressionPercent: 10 }, false, 'throughput = 80, 20.0% worse than the baseline 100: regressed more than 10%'],
    ['against a missing baseline', { baseline: 'gone.json', maxRegressionPercent: 10 }, false, 'throughput = 80: baseline: gone.json does not exist'],
    ['against a zero baseline', { baseline: 'zero.json', maxRegressionPercent: 10 }, false, 'throughput = 80: baseline: the baseline 0 is not a positive number, so no percentage can be taken of it'],
  ])('judges a metric %s', (_name, fields, passed, detail) => {
    expect(evaluateMetric(root, metric(fields))).toEqual({ name: 'throughput', passed, value: 80, detail });
  });
});
