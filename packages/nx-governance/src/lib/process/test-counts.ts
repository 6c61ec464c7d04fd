import { SUMMARY_PARSERS } from './test-counts-parsers';

/** How many tests a run executed, as the runner reported it. */
export interface TestCounts {
  passed: number;
  failed: number;
  skipped: number;
  /**
   * Of `passed`, the tests that failed and then passed on a retry the team
   * configured (nextest, playwright): one rule for every runner, they count as
   * passed, as the runner's exit code does, and are reported as flaky.
   * Absent when there are none.
   */
  flaky?: number;
  /** Which runner's summary (or JUnit) the numbers came from. */
  source: string;
}

export function executedTests(counts: TestCounts): number {
  return counts.passed + counts.failed;
}

// CSI sequences (colours, cursor moves) and OSC sequences (hyperlinks): jest and vitest print them under Nx, which sets FORCE_COLOR.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

const number = (text: string | undefined) => (text ? Number(text) : 0);

/**
 * Reads the summary lines of the common runners (see SUMMARY_PARSERS, and
 * unittest, whose summary spans two lines). Lines are fed one at a time, so
 * output of any size is read in constant memory.
 */
export class TestSummaryReader {
  private counts: TestCounts | undefined;
  private unittestRan: number | undefined;

  read(raw: string): void {
    const line = stripAnsi(raw).replace(/\r$/, '');
    if (this.readUnittest(line)) return;
    for (const parser of SUMMARY_PARSERS) {
      const found = parser.parse(line);
      if (!found) continue;
      const c = this.start(parser.source);
      c.passed += found.passed;
      c.failed += found.failed;
      c.skipped += found.skipped;
      if (found.flaky) c.flaky = (c.flaky ?? 0) + found.flaky;
      return;
    }
  }

  /** Feeds every line of a finished run's output. */
  readAll(output: string): void {
    for (const line of output.split('\n')) this.read(line);
  }

  result(): TestCounts | undefined {
    return this.counts ? { ...this.counts } : undefined;
  }

  /**
   * unittest: "Ran N tests in 0.1s", then "OK", "OK (skipped=2, expected failures=1)" or "FAILED (failures=1,
   * errors=1, unexpected successes=1)". An expected failure is a known bug the run says OK to: not failed,
   * and no evidence that code works either, so skipped (as pytest's xfailed); an unexpected success fails the run.
   */
  private readUnittest(line: string): boolean {
    const ran = /^Ran (\d+) tests? in /.exec(line);
    if (ran) {
      this.unittestRan = (this.unittestRan ?? 0) + Number(ran[1]);
      return true;
    }
    const verdict = this.unittestRan === undefined ? null : /^(?:OK|FAILED)(?: \(([^)]*)\))?$/.exec(line.trimEnd());
    if (!verdict || this.unittestRan === undefined) return false;
    // Each "name=count" of the list by its whole name: "failures=" is also the end of "expected failures=".
    const listed = new Map((verdict[1] ?? '').split(', ').map((entry) => [entry.slice(0, entry.lastIndexOf('=')), number(entry.slice(entry.lastIndexOf('=') + 1))]));
    const of = (name: string) => listed.get(name) ?? 0;
    const failed = of('failures') + of('errors') + of('unexpected successes');
    const skipped = of('skipped') + of('expected failures');
    const c = this.start('unittest');
    c.failed += failed;
    c.skipped += skipped;
    c.passed += Math.max(0, this.unittestRan - failed - skipped);
    this.unittestRan = undefined;
    return true;
  }

  private start(source: string): TestCounts {
    this.counts ??= { passed: 0, failed: 0, skipped: 0, source };
    return this.counts;
  }
}
