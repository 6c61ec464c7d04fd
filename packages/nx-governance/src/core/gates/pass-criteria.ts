import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { executedTests, readJunitCounts, type TestCounts } from '../process/test-counts';
import type { CommandGate } from '../schemas/gates';
import { readJsonPointer } from './json-pointer';

export interface CriterionResult {
  name: string;
  passed: boolean;
  detail: string;
  value?: number;
}

type Metric = NonNullable<NonNullable<CommandGate['passCriteria']>['metrics']>[number];

/** Every pass criterion of a gate beyond exit codes, each with what it found. */
export function evaluatePassCriteria(root: string, gate: CommandGate, summaryCounts: TestCounts | undefined): { criteria: CriterionResult[]; tests?: TestCounts } {
  const criteria: CriterionResult[] = [];
  const minTests = gate.passCriteria?.minTests;
  let tests = summaryCounts;
  if (minTests) {
    if (minTests.junit) {
      const path = join(root, minTests.junit);
      tests = existsSync(path) ? readJunitCounts(readFileSync(path, 'utf8')) : undefined;
    }
    const ran = tests ? executedTests(tests) : 0;
    const where = minTests.junit ? `JUnit report ${minTests.junit}` : 'the runner summary';
    criteria.push({
      name: 'minimum tests',
      passed: !!tests && ran >= minTests.count,
      value: ran,
      detail: tests
        ? `${ran} test(s) executed (${tests.passed} passed, ${tests.failed} failed, ${tests.skipped} skipped) from ${where}, expected at least ${minTests.count}`
        : `no test count found in ${where}, expected at least ${minTests.count} executed test(s)`,
    });
  }
  for (const metric of gate.passCriteria?.metrics ?? []) criteria.push(evaluateMetric(root, metric));
  return { criteria, ...(tests ? { tests } : {}) };
}

function readNumber(root: string, file: string, pointer: string): number | string {
  const path = join(root, file);
  if (!existsSync(path)) return `${file} does not exist`;
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return `${file} is not valid JSON`;
  }
  const value = readJsonPointer(document, pointer);
  return typeof value === 'number' && Number.isFinite(value) ? value : `${file}${pointer} is not a number (found ${JSON.stringify(value)})`;
}

export function evaluateMetric(root: string, metric: Metric): CriterionResult {
  const value = readNumber(root, metric.file, metric.pointer);
  if (typeof value === 'string') return { name: metric.name, passed: false, detail: value };
  const problems: string[] = [];
  if (metric.min !== undefined && value < metric.min) problems.push(`below the minimum ${metric.min}`);
  if (metric.max !== undefined && value > metric.max) problems.push(`above the maximum ${metric.max}`);
  let regression = '';
  if (metric.maxRegressionPercent !== undefined && metric.baseline) {
    const baseline = readNumber(root, metric.baseline, metric.pointer);
    if (typeof baseline === 'string') problems.push(`baseline: ${baseline}`);
    else {
      const worse = metric.better === 'higher' ? (baseline - value) / baseline : (value - baseline) / baseline;
      const percent = worse * 100;
      regression = `, ${percent >= 0 ? `${percent.toFixed(1)}% worse` : `${(-percent).toFixed(1)}% better`} than the baseline ${baseline}`;
      if (percent > metric.maxRegressionPercent) problems.push(`regressed more than ${metric.maxRegressionPercent}%`);
    }
  }
  return {
    name: metric.name,
    passed: problems.length === 0,
    value,
    detail: `${metric.name} = ${value}${regression}${problems.length ? `: ${problems.join(', ')}` : ''}`,
  };
}
