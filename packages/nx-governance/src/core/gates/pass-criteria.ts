import { executedTests, type TestCounts } from '../process/test-counts';
import { readFreshJunit } from '../process/test-counts-junit';
import type { CommandGate } from '../schemas/gates';
import { type CriterionResult, evaluateMetric } from './metrics';

export type { CriterionResult } from './metrics';

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
  const summary = `${ran} test(s) executed (${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped) from ${where}`;
  if (counts.failed > 0) return { name, passed: false, value: ran, detail: `${summary}, expected no failed test` };
  return { name, passed: ran >= count, value: ran, detail: `${summary}, expected at least ${count}` };
}

/**
 * Every pass criterion of a gate beyond exit codes, each with what it found.
 * `summary` is what the runner summaries of its steps said; `startedAt`, when
 * the gate's first step started (a JUnit report older than that is stale).
 */
export function evaluatePassCriteria(root: string, gate: CommandGate, summary: TestCounts | undefined, startedAt: Date): { criteria: CriterionResult[]; tests?: TestCounts } {
  const criteria: CriterionResult[] = [];
  const minTests = gate.passCriteria?.minTests;
  let tests = summary;
  if (minTests) {
    const found = minTests.junit ? fromJunit(root, minTests.junit, startedAt) : fromSummary(summary);
    tests = found.ok ? found.counts : undefined;
    criteria.push(judgeMinTests(found, minTests.count));
  }
  for (const metric of gate.passCriteria?.metrics ?? []) criteria.push(evaluateMetric(root, metric));
  return { criteria, ...(tests ? { tests } : {}) };
}

function fromJunit(root: string, file: string, since: Date): TestCountSource {
  const read = readFreshJunit(root, file, since);
  return read.ok ? { ok: true, counts: read.counts, where: `JUnit report ${file}` } : { ok: false, reason: `no test count: ${read.reason}` };
}

function fromSummary(summary: TestCounts | undefined): TestCountSource {
  return summary ? { ok: true, counts: summary, where: 'the runner summary' } : { ok: false, reason: 'no test count found in the runner summary' };
}
