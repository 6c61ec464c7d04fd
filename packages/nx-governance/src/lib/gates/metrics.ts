import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandGate } from '../schemas/gates';
import { readJsonPointer } from '../json/json-pointer';

/** One pass criterion of a gate and what it found. */
export interface CriterionResult {
  name: string;
  passed: boolean;
  detail: string;
  value?: number;
}

export type Metric = NonNullable<NonNullable<CommandGate['passCriteria']>['metrics']>[number];
export type MetricValue = { ok: true; value: number } | { ok: false; reason: string };

/** The number at `pointer` in a JSON file, or why there is none. */
export function readMetricValue(root: string, file: string, pointer: string): MetricValue {
  const path = join(root, file);
  if (!existsSync(path)) return { ok: false, reason: `${file} does not exist` };
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ok: false, reason: `${file} is not valid JSON` };
  }
  const value = readJsonPointer(document, pointer);
  return typeof value === 'number' && Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: `${file}${pointer} is not a number (found ${JSON.stringify(value)})` };
}

/** What is wrong with a value against its limits: empty when it is within them. */
export function boundsProblems(value: number, { min, max }: { min?: number; max?: number }): string[] {
  return [...(min !== undefined && value < min ? [`below the minimum ${min}`] : []), ...(max !== undefined && value > max ? [`above the maximum ${max}`] : [])];
}

export type Regression = { ok: true; percentWorse: number; movement: string } | { ok: false; reason: string };

/**
 * How much worse `now` is than `baseline`, in percent of the baseline (negative
 * when better). A zero or negative baseline has no percentage: it is no budget
 * to pass against.
 */
export function regression(baseline: number, now: number, better: 'higher' | 'lower' = 'higher'): Regression {
  if (!(baseline > 0)) return { ok: false, reason: `the baseline ${baseline} is not a positive number, so no percentage can be taken of it` };
  const percentWorse = ((better === 'higher' ? baseline - now : now - baseline) / baseline) * 100;
  const movement = Math.abs(percentWorse) < 0.05 ? 'unchanged' : percentWorse > 0 ? `${percentWorse.toFixed(1)}% worse` : `${(-percentWorse).toFixed(1)}% better`;
  return { ok: true, percentWorse, movement };
}

/** A metric of a gate: its value, its limits, and its regression budget against the baseline file. */
export function evaluateMetric(root: string, metric: Metric): CriterionResult {
  const read = readMetricValue(root, metric.file, metric.pointer);
  if (!read.ok) return { name: metric.name, passed: false, detail: read.reason };
  const { value } = read;
  const problems = boundsProblems(value, metric);
  let against = '';
  if (metric.maxRegressionPercent !== undefined && metric.baseline) {
    const baseline = readMetricValue(root, metric.baseline, metric.pointer);
    const change = baseline.ok ? regression(baseline.value, value, metric.better) : baseline;
    if (!change.ok) problems.push(`baseline: ${change.reason}`);
    else {
      against = `, ${change.movement} than the baseline ${baseline.ok ? baseline.value : ''}`;
      if (change.percentWorse > metric.maxRegressionPercent) problems.push(`regressed more than ${metric.maxRegressionPercent}%`);
    }
  }
  return { name: metric.name, passed: problems.length === 0, value, detail: `${metric.name} = ${value}${against}${problems.length ? `: ${problems.join(', ')}` : ''}` };
}
