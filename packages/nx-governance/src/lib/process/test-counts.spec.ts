import { stripAnsi, TestSummaryReader } from './test-counts';

function read(output: string) {
  const reader = new TestSummaryReader();
  reader.readAll(output);
  return reader.result();
}

const ESC = '\x1b';

/**
 * Recorded summaries, as each runner prints them (the runners that are not on
 * this machine: their documented output; the others are also run for real in
 * test-counts.runners.spec.ts).
 */
describe('TestSummaryReader on recorded output', () => {
  it.each([
    ['unittest OK', '....\n----------\nRan 4 tests in 0.002s\n\nOK', { passed: 4, failed: 0, skipped: 0, source: 'unittest' }],
    ['unittest skipped', 'Ran 4 tests in 0.000s\n\nOK (skipped=2)', { passed: 2, failed: 0, skipped: 2, source: 'unittest' }],
    ['unittest failed', 'Ran 5 tests in 0.1s\n\nFAILED (failures=1, errors=1, skipped=1)', { passed: 2, failed: 2, skipped: 1, source: 'unittest' }],
    ['unittest expected failures (a pass: the run printed OK)', 'Ran 12 tests in 0.003s\n\nOK (expected failures=12)', { passed: 0, failed: 0, skipped: 12, source: 'unittest' }],
    [
      'unittest, every kind of outcome',
      'Ran 9 tests in 0.003s\n\nFAILED (failures=1, errors=1, skipped=1, expected failures=2, unexpected successes=1)',
      { passed: 3, failed: 3, skipped: 3, source: 'unittest' },
    ],
    ['unittest none', 'Ran 0 tests in 0.000s\n\nNO TESTS RAN', undefined],
    [
      'cargo test, summed over binaries',
      'test result: ok. 7 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\ntest result: FAILED. 2 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.00s',
      { passed: 9, failed: 1, skipped: 3, source: 'cargo test' },
    ],
    [
      'cargo nextest',
      '        PASS [   0.004s] demo tests::adds\n        FAIL [   0.005s] demo tests::fails\n------------\n     Summary [   0.010s] 4 tests run: 3 passed, 1 failed, 1 skipped',
      { passed: 3, failed: 1, skipped: 1, source: 'cargo nextest' },
    ],
    [
      'cargo nextest with retries: a flaky test passed on retry is passed, and reported as flaky',
      '  TRY 1 FAIL [   0.004s] demo tests::sometimes\n  TRY 2 PASS [   0.004s] demo tests::sometimes\n------------\n     Summary [   0.010s] 4 tests run: 4 passed (1 flaky), 1 skipped',
      { passed: 4, failed: 0, skipped: 1, flaky: 1, source: 'cargo nextest' },
    ],
    [
      'cargo nextest, tests that timed out or could not start',
      '     Summary [   0.010s] 6 tests run: 3 passed (1 slow, 1 leaky), 1 failed, 1 timed out, 1 exec failed, 0 skipped',
      { passed: 3, failed: 3, skipped: 0, source: 'cargo nextest' },
    ],
    ['jest', 'Test Suites: 1 failed, 4 passed, 5 total\nTests:       2 failed, 1 skipped, 68 passed, 71 total\nSnapshots:   0 total', { passed: 68, failed: 2, skipped: 1, source: 'jest' }],
    [
      'jest with colour codes (FORCE_COLOR under Nx)',
      `${ESC}[1mTests:       ${ESC}[22m${ESC}[1m${ESC}[31m1 failed${ESC}[39m${ESC}[22m, ${ESC}[1m${ESC}[33m1 skipped${ESC}[39m${ESC}[22m, ${ESC}[1m${ESC}[32m2 passed${ESC}[39m${ESC}[22m, 4 total`,
      { passed: 2, failed: 1, skipped: 1, source: 'jest' },
    ],
    [
      'vitest',
      ' ✓ src/sum.test.ts (3 tests) 3ms\n ❯ src/fail.test.ts (2 tests | 1 failed) 5ms\n\n Test Files  1 failed | 1 passed (2)\n      Tests  1 failed | 3 passed | 1 skipped (5)\n   Start at  12:00:00\n   Duration  312ms',
      { passed: 3, failed: 1, skipped: 1, source: 'vitest' },
    ],
    ['vitest, all passed', ' Test Files  2 passed (2)\n      Tests  6 passed (6)', { passed: 6, failed: 0, skipped: 0, source: 'vitest' }],
    ['mocha', '  sum\n    ✔ adds\n\n  3 passing (8ms)\n  1 pending\n  1 failing\n\n  1) sum\n       fails:', { passed: 3, failed: 1, skipped: 1, source: 'mocha' }],
    ['pytest', '======== 5 passed, 1 failed, 2 skipped in 0.12s ========', { passed: 5, failed: 1, skipped: 2, source: 'pytest' }],
    ['pytest -q, with errors and timing', '1 failed, 2 passed, 1 error in 0.05s (0:00:00)', { passed: 2, failed: 2, skipped: 0, source: 'pytest' }],
    ['node --test (TAP)', '# tests 6\n# suites 0\n# pass 5\n# fail 1\n# cancelled 0\n# skipped 0\n# todo 0', { passed: 5, failed: 1, skipped: 0, source: 'node --test' }],
    ['node --test (spec)', 'ℹ tests 3\nℹ pass 2\nℹ fail 0\nℹ cancelled 1\nℹ skipped 0\nℹ todo 0', { passed: 2, failed: 1, skipped: 0, source: 'node --test' }],
    [
      'go test -v: top-level tests only, a subtest counts through its parent',
      '=== RUN   TestAdd\n--- PASS: TestAdd (0.00s)\n=== RUN   TestTable\n=== RUN   TestTable/zero\n=== RUN   TestTable/one\n=== RUN   TestTable/one/nested\n    --- PASS: TestTable/zero (0.00s)\n    --- PASS: TestTable/one (0.00s)\n        --- PASS: TestTable/one/nested (0.00s)\n--- PASS: TestTable (0.00s)\n=== RUN   TestSub\n    math_test.go:12: got 1, want 2\n--- FAIL: TestSub (0.00s)\n--- SKIP: TestSkip (0.00s)\nFAIL\nFAIL\texample.com/demo\t0.002s',
      { passed: 2, failed: 1, skipped: 1, source: 'go test' },
    ],
    [
      'go test -v: a failing subtest fails its parent, once',
      '=== RUN   TestTable\n=== RUN   TestTable/a\n=== RUN   TestTable/b\n    t_test.go:9: no\n    --- PASS: TestTable/a (0.00s)\n    --- FAIL: TestTable/b (0.00s)\n--- FAIL: TestTable (0.00s)\nFAIL',
      { passed: 0, failed: 1, skipped: 0, source: 'go test' },
    ],
    [
      'playwright',
      'Running 7 tests using 2 workers\n  1 failed\n    [chromium] › example.spec.ts:8:5 › get started link\n  1 flaky\n    [chromium] › example.spec.ts:3:5 › has title\n  1 skipped\n  4 passed (5.2s)',
      // As for nextest: a flaky test passed on retry is passed, and reported as flaky.
      { passed: 5, failed: 1, skipped: 1, flaky: 1, source: 'playwright' },
    ],
    ['plain line', 'contract: 7 passed, 0 failed', { passed: 7, failed: 0, skipped: 0, source: 'summary line' }],
    ['plain line with failures', '3 passed, 8 failed', { passed: 3, failed: 8, skipped: 0, source: 'summary line' }],
    ['windows line endings', 'Tests:       3 passed, 3 total\r', { passed: 3, failed: 0, skipped: 0, source: 'jest' }],
    ['nothing', 'compiling...\ndone', undefined],
  ])('reads %s', (_name, output, expected) => {
    expect(read(output)).toEqual(expected);
  });
});

describe('stripAnsi', () => {
  it.each([
    ['colours', `${ESC}[1m${ESC}[32m2 passed${ESC}[39m${ESC}[22m`, '2 passed'],
    ['cursor moves', `${ESC}[2K${ESC}[1Gdone`, 'done'],
    ['hyperlinks', `${ESC}]8;;file:///a.ts${ESC}\\a.ts${ESC}]8;;${ESC}\\`, 'a.ts'],
    ['plain text', 'Tests: 1 passed', 'Tests: 1 passed'],
  ])('removes %s', (_name, text, expected) => {
    expect(stripAnsi(text)).toBe(expected);
  });
});
