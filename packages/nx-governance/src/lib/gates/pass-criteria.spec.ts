import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCounts } from '../process/test-counts';
import type { CommandGate } from '../schemas/gates';
import { evaluatePassCriteria, judgeMinTests, type TestCountSource } from './pass-criteria';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';

const counts = (passed: number, failed: number, skipped = 0): TestCounts => ({ passed, failed, skipped, source: 'jest' });
const found = (c: TestCounts): TestCountSource => ({ ok: true, counts: c, where: 'the runner summary' });

describe('judgeMinTests', () => {
  it.each<[string, TestCountSource, number, boolean, string]>([
    ['enough passed', found(counts(10, 0)), 10, true, '10 test(s) executed (10 passed, 0 failed, 0 skipped) from the runner summary, expected at least 10'],
    ['too few', found(counts(3, 0)), 10, false, '3 test(s) executed (3 passed, 0 failed, 0 skipped) from the runner summary, expected at least 10'],
    ['3 passed, 8 failed against 10', found(counts(3, 8)), 10, false, '11 test(s) executed (3 passed, 8 failed, 0 skipped) from the runner summary, expected no failed test'],
    ['many passed, one failed', found(counts(100, 1)), 10, false, '101 test(s) executed (100 passed, 1 failed, 0 skipped) from the runner summary, expected no failed test'],
    ['flaky tests, passed on a retry', found({ ...counts(10, 0), flaky: 2 }), 10, true, '10 test(s) executed (10 passed (2 of them flaky: passed on a retry), 0 failed, 0 skipped) from the runner summary, expected at least 10'],
    ['only skipped', found(counts(0, 0, 4)), 1, false, '0 test(s) executed (0 passed, 0 failed, 4 skipped) from the runner summary, expected at least 1'],
    ['no count', { ok: false, reason: 'no test count found in the runner summary' }, 1, false, 'no test count found in the runner summary, expected at least 1 executed test(s)'],
  ])('%s', (_name, source, count, passed, detail) => {
    expect(judgeMinTests(source, count)).toMatchObject({ name: 'minimum tests', passed, detail });
  });
});

describe('evaluatePassCriteria with a JUnit report', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace({ 'reports/.keep': '' }));
  });
  afterEach(() => cleanup());

  const gate = { id: 'VG-T-001', kind: 'command', steps: [], passCriteria: { minTests: { count: 2, junit: 'reports/junit.xml' } } } as unknown as CommandGate;
  const report = '<testsuite><testcase name="a"/><testcase name="b"/></testsuite>';

  it('counts a report the run wrote, and prefers it to the summary', () => {
    writeFileSync(join(root, 'reports/junit.xml'), report);
    const result = evaluatePassCriteria(root, gate, { summary: counts(0, 5), stepReports: [] }, true);
    expect(result.criteria[0]).toMatchObject({ passed: true, value: 2 });
    expect(result.tests).toEqual({ passed: 2, failed: 0, skipped: 0, source: 'junit' });
  });

  it('refuses a report in the workspace when no step of this run could have written it, whatever the summary says', () => {
    writeFileSync(join(root, 'reports/junit.xml'), report);
    const result = evaluatePassCriteria(root, gate, { summary: counts(50, 0), stepReports: [] }, false);
    expect(result.criteria[0].passed).toBe(false);
    expect(result.criteria[0].detail).toBe('no test count: no step of this run wrote reports/junit.xml, expected at least 2 executed test(s)');
    expect(result.tests).toBeUndefined();
  });

  it("counts a target step's report as Nx stored it for the step's hash, not the copy in the workspace", () => {
    writeFileSync(join(root, 'reports/junit.xml'), '<testsuite tests="50"/>');
    const result = evaluatePassCriteria(root, gate, { summary: undefined, stepReports: [{ target: 'unit:test', xml: report }] }, false);
    expect(result.criteria[0]).toMatchObject({ passed: true, detail: '2 test(s) executed (2 passed, 0 failed, 0 skipped) from JUnit report reports/junit.xml as Nx stored it for unit:test, expected at least 2' });
  });
});
