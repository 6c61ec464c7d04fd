/** How many tests a run executed, as the runner reported it. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** Which runner's summary (or JUnit) the numbers came from. */
  source: string;
}

export function executedTests(counts: TestCounts): number {
  return counts.passed + counts.failed;
}

type Parser = { source: string; apply: (line: string, counts: TestCounts) => boolean };

const number = (text: string | undefined) => (text ? Number(text) : 0);
const field = (line: string, name: string) => number(new RegExp(`(\\d+) ${name}`).exec(line)?.[1]);

/**
 * Reads the summary lines of the common runners: unittest, pytest, cargo test,
 * jest, node's test runner, and the plain `N passed, N failed` line. Lines are
 * fed one at a time, so output of any size is read in constant memory.
 */
export class TestSummaryReader {
  private counts: TestCounts | undefined;
  private unittestRan: number | undefined;

  private static readonly parsers: Parser[] = [
    {
      source: 'cargo test',
      apply: (line, c) => {
        const m = /^test result: \w+\. (\d+) passed; (\d+) failed; (\d+) ignored/.exec(line);
        if (!m) return false;
        c.passed += number(m[1]);
        c.failed += number(m[2]);
        c.skipped += number(m[3]);
        return true;
      },
    },
    {
      source: 'jest',
      apply: (line, c) => {
        if (!/^Tests:\s+.*\d+ total/.test(line)) return false;
        c.passed += field(line, 'passed');
        c.failed += field(line, 'failed');
        c.skipped += field(line, 'skipped') + field(line, 'todo');
        return true;
      },
    },
    {
      source: 'pytest',
      apply: (line, c) => {
        const m = /^=+ (.*\d+ (?:passed|failed|skipped|error|errors).*) in [\d.]+s.*=+$/.exec(line);
        if (!m) return false;
        c.passed += field(m[1], 'passed');
        c.failed += field(m[1], 'failed') + field(m[1], 'errors?');
        c.skipped += field(m[1], 'skipped');
        return true;
      },
    },
    {
      source: 'node --test',
      apply: (line, c) => {
        const m = /^[#ℹ] (pass|fail|skipped|todo) (\d+)$/.exec(line);
        if (!m) return false;
        if (m[1] === 'pass') c.passed += number(m[2]);
        else if (m[1] === 'fail') c.failed += number(m[2]);
        else c.skipped += number(m[2]);
        return true;
      },
    },
    {
      source: 'summary line',
      apply: (line, c) => {
        const m = /^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(line.trim());
        if (!m) return false;
        c.passed += number(m[1]);
        c.failed += number(m[2]);
        c.skipped += number(m[3]);
        return true;
      },
    },
  ];

  read(line: string): void {
    const ran = /^Ran (\d+) tests? in /.exec(line);
    if (ran) {
      this.unittestRan = (this.unittestRan ?? 0) + Number(ran[1]);
      return;
    }
    // unittest: "Ran N tests" then "OK (skipped=2)" or "FAILED (failures=1, errors=1, skipped=1)".
    if (this.unittestRan !== undefined && /^(OK|FAILED)\b/.test(line)) {
      const failed = number(/failures=(\d+)/.exec(line)?.[1]) + number(/errors=(\d+)/.exec(line)?.[1]);
      const skipped = number(/skipped=(\d+)/.exec(line)?.[1]) + number(/expected failures=(\d+)/.exec(line)?.[1]);
      const c = this.start('unittest');
      c.failed += failed;
      c.skipped += skipped;
      c.passed += this.unittestRan - failed - skipped;
      this.unittestRan = undefined;
      return;
    }
    for (const parser of TestSummaryReader.parsers) {
      const scratch: TestCounts = { passed: 0, failed: 0, skipped: 0, source: parser.source };
      if (parser.apply(line, scratch)) {
        const c = this.start(parser.source);
        c.passed += scratch.passed;
        c.failed += scratch.failed;
        c.skipped += scratch.skipped;
        return;
      }
    }
  }

  result(): TestCounts | undefined {
    return this.counts ? { ...this.counts } : undefined;
  }

  private start(source: string): TestCounts {
    this.counts ??= { passed: 0, failed: 0, skipped: 0, source };
    return this.counts;
  }
}

/** Counts from a JUnit XML report: every `<testsuite>` that holds test cases. */
export function readJunitCounts(xml: string): TestCounts | undefined {
  let total = 0;
  let failed = 0;
  let skipped = 0;
  let suites = 0;
  for (const match of xml.matchAll(/<testsuite\b([^>]*)>/g)) {
    const attr = (name: string) => number(new RegExp(`\\b${name}="(\\d+)"`).exec(match[1])?.[1]);
    suites++;
    total += attr('tests');
    failed += attr('failures') + attr('errors');
    skipped += attr('skipped') + attr('disabled');
  }
  if (suites === 0) return undefined;
  return { passed: Math.max(0, total - failed - skipped), failed, skipped, source: 'junit' };
}
