/** Counts one summary line adds; `undefined` when the line is not a summary of this runner. */
export interface LineCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Of `passed`, the tests that failed before they passed on a retry (see `TestCounts.flaky`). */
  flaky?: number;
}

export interface SummaryParser {
  source: string;
  parse: (line: string) => LineCounts | undefined;
}

const number = (text: string | undefined) => (text ? Number(text) : 0);
/** The number before `name` in a comma- or bar-separated summary, e.g. `2 failed`. */
const field = (text: string, name: string) => number(new RegExp(`(\\d+) ${name}\\b`).exec(text)?.[1]);
const counts = (passed: number, failed: number, skipped: number): LineCounts => ({ passed, failed, skipped });
const withFlaky = (line: LineCounts, flaky: number): LineCounts => (flaky > 0 ? { ...line, flaky } : line);

/**
 * The summary line of each runner, as it prints it (colour codes already
 * stripped). Order matters only where two formats could read one line: the
 * first parser that recognises a line takes it.
 */
export const SUMMARY_PARSERS: SummaryParser[] = [
  {
    // test result: FAILED. 2 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.00s
    source: 'cargo test',
    parse: (line) => {
      const m = /^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/.exec(line);
      return m ? counts(number(m[1]), number(m[2]), number(m[3])) : undefined;
    },
  },
  {
    //      Summary [   0.012s] 4 tests run: 3 passed (1 flaky), 1 failed, 1 timed out, 1 exec failed, 2 skipped
    // "passed" includes the flaky ones, as the rule of `TestCounts.flaky` has it.
    source: 'cargo nextest',
    parse: (line) => {
      const m = /^\s*Summary \[[^\]]*\] \d+ tests? run: (.*)$/.exec(line);
      if (!m) return undefined;
      const failed = field(m[1], 'failed') + field(m[1], 'timed out') + field(m[1], 'exec failed');
      return withFlaky(counts(field(m[1], 'passed'), failed, field(m[1], 'skipped')), field(m[1], 'flaky'));
    },
  },
  {
    // Tests:       1 failed, 1 skipped, 2 todo, 68 passed, 72 total
    source: 'jest',
    parse: (line) => {
      if (!/^Tests:\s+.*\d+ total/.test(line)) return undefined;
      return counts(field(line, 'passed'), field(line, 'failed'), field(line, 'skipped') + field(line, 'todo'));
    },
  },
  {
    //       Tests  1 failed | 2 passed | 1 skipped (4)
    source: 'vitest',
    parse: (line) => {
      const m = /^\s*Tests\s+(\d+ \w+(?: \| \d+ \w+)*) \(\d+\)$/.exec(line);
      return m ? counts(field(m[1], 'passed'), field(m[1], 'failed'), field(m[1], 'skipped') + field(m[1], 'todo')) : undefined;
    },
  },
  {
    // "===== 1 failed, 5 passed, 2 skipped, 1 error in 0.12s =====", or without the rules under -q.
    source: 'pytest',
    parse: (line) => {
      const m = /^(?:=+ )?((?:\d+ (?:passed|failed|skipped|errors?|xfailed|xpassed|warnings?|deselected)(?:, )?)+) in [\d.]+s(?: \([^)]*\))?(?: =+)?$/.exec(line);
      if (!m) return undefined;
      return counts(field(m[1], 'passed') + field(m[1], 'xpassed'), field(m[1], 'failed') + field(m[1], 'errors?'), field(m[1], 'skipped') + field(m[1], 'xfailed'));
    },
  },
  {
    // node --test: "# pass 5" (TAP reporter) or "ℹ pass 5" (spec reporter), one line per count.
    source: 'node --test',
    parse: (line) => {
      const m = /^[#ℹ] (pass|fail|skipped|todo|cancelled) (\d+)$/.exec(line);
      if (!m) return undefined;
      const n = number(m[2]);
      return m[1] === 'pass' ? counts(n, 0, 0) : m[1] === 'fail' || m[1] === 'cancelled' ? counts(0, n, 0) : counts(0, 0, n);
    },
  },
  {
    // mocha: "  5 passing (12ms)", "  2 pending", "  1 failing", one line per count.
    source: 'mocha',
    parse: (line) => {
      const m = /^\s*(\d+) (passing|pending|failing)(?: \(\d+m?s\))?$/.exec(line);
      if (!m) return undefined;
      const n = number(m[1]);
      return m[2] === 'passing' ? counts(n, 0, 0) : m[2] === 'failing' ? counts(0, n, 0) : counts(0, 0, n);
    },
  },
  {
    // playwright: "  5 passed (3.2s)", "  1 failed", "  1 flaky", "  2 skipped", "  3 did not run", one line per count.
    source: 'playwright',
    parse: (line) => {
      const m = /^\s+(\d+) (passed|failed|flaky|skipped|did not run|interrupted)(?: \([\d.]+m?s\))?$/.exec(line);
      if (!m) return undefined;
      const n = number(m[1]);
      // Playwright's "passed" leaves out the flaky ones; they count as passed, as the rule of `TestCounts.flaky` has it.
      if (m[2] === 'flaky') return withFlaky(counts(n, 0, 0), n);
      return m[2] === 'passed' ? counts(n, 0, 0) : m[2] === 'skipped' || m[2] === 'did not run' ? counts(0, 0, n) : counts(0, n, 0);
    },
  },
  {
    // go test -v: one "--- PASS: TestName (0.00s)" line per test, and one per subtest ("TestName/case", indented).
    // Top-level tests only: a subtest counts through its parent, which fails when any of its subtests fails.
    source: 'go test',
    parse: (line) => {
      const m = /^\s*--- (PASS|FAIL|SKIP): (\S+) \([\d.]+s\)$/.exec(line);
      if (!m || m[2].includes('/')) return undefined;
      return m[1] === 'PASS' ? counts(1, 0, 0) : m[1] === 'FAIL' ? counts(0, 1, 0) : counts(0, 0, 1);
    },
  },
  {
    // The plain line a script prints: "contract: 7 passed, 0 failed, 1 skipped".
    source: 'summary line',
    parse: (line) => {
      const m = /^(?:[\w-]+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line.trim());
      return m ? counts(number(m[1]), number(m[2]), number(m[3])) : undefined;
    },
  },
];
