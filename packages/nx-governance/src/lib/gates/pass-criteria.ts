import { executedTests, type TestCounts } from '../process/test-counts';
import { readJunitCounts, readOwnJunit } from '../process/test-counts-junit';
import type { CommandGate } from '../schemas/gates';
import { type CriterionResult, evaluateMetric } from './metrics';

export type { CriterionResult } from './metrics';

/** What Nx stored of an Nx target step for its current task hash. */
export interface StoredStep {
  /** Its terminal output. */
  output?: string;
  /** The gate's JUnit report as the step wrote it for this hash (an output Nx cached). */
  junit?: string;
}

/** What the gate's steps reported: the runner summaries, and the JUnit reports Nx stored for its target steps. */
export interface ReportedTests {
  summary: TestCounts | undefined;
  stepReports: Array<{ target: string; xml: string }>;
}

/** Where a gate's test count came from: the runner summary, a JUnit report, or why there is none. */
export type TestCountSource = { ok: true; counts: TestCounts; where: string } | { ok: false; reason: string };

/**
 * The minimum-tests rule: at least `count` tests passed and none failed,
 * whatever the exit code said. Skipped tests are no evidence either way.
 */
export function judgeMinTests(found: TestCountSource, count: number): CriterionResult {
  const name = 'minimum tests';
  if (!found.ok) return { name, passed: false, value: 0, detail: `${found.reason}, expected at least ${count} executed test(s)` };
  const { counts, where } = found;
  const ran = executedTests(counts);
  const flaky = counts.flaky ? ` (${counts.flaky} of them flaky: passed on a retry)` : '';
  const summary = `${ran} test(s) executed (${counts.passed} passed${flaky}, ${counts.failed} failed, ${counts.skipped} skipped) from ${where}`;
  if (counts.failed > 0) return { name, passed: false, value: ran, detail: `${summary}, expected no failed test` };
  return { name, passed: ran >= count, value: ran, detail: `${summary}, expected at least ${count}` };
}

/**
 * Every pass criterion of a gate beyond exit codes, each with what it found.
 * `ranOwnSteps`: the gate's command steps ran in this run, after the JUnit
 * report at the gate's path was cleared (`clearJunitReport`), so a report
 * there is theirs; otherwise the report in the workspace is not this run's.
 * A target step's report counts as Nx stored it for the step's current hash.
 */
export function evaluatePassCriteria(root: string, gate: CommandGate, reported: ReportedTests, ranOwnSteps: boolean): { criteria: CriterionResult[]; tests?: TestCounts } {
  const criteria: CriterionResult[] = [];
  const minTests = gate.passCriteria?.minTests;
  let tests = reported.summary;
  if (minTests) {
    const found = minTests.junit ? fromJunit(root, minTests.junit, ranOwnSteps, reported.stepReports) : fromSummary(reported.summary);
    tests = found.ok ? found.counts : undefined;
    criteria.push(judgeMinTests(found, minTests.count));
  }
  for (const metric of gate.passCriteria?.metrics ?? []) criteria.push(evaluateMetric(root, metric));
  return { criteria, ...(tests ? { tests } : {}) };
}

function fromJunit(root: string, file: string, ranOwnSteps: boolean, stepReports: ReportedTests['stepReports']): TestCountSource {
  const read = ranOwnSteps ? readOwnJunit(root, file) : { ok: false as const, reason: `no step of this run wrote ${file}` };
  if (read.ok) return { ok: true, counts: read.counts, where: `JUnit report ${file}` };
  const stored = stepReports[0];
  if (!stored) return { ok: false, reason: `no test count: ${read.reason}` };
  const cached = readJunitCounts(stored.xml);
  const where = `JUnit report ${file} as Nx stored it for ${stored.target}`;
  return cached.ok ? { ok: true, counts: cached.counts, where } : { ok: false, reason: `no test count: ${where}: ${cached.reason}` };
}

function fromSummary(summary: TestCounts | undefined): TestCountSource {
  return summary ? { ok: true, counts: summary, where: 'the runner summary' } : { ok: false, reason: 'no test count found in the runner summary' };
}
