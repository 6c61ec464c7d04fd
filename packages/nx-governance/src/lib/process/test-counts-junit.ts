import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TestCounts } from './test-counts';

export type JunitCounts = { ok: true; counts: TestCounts } | { ok: false; reason: string };

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // A report with one suite or one case must read the same as one with many.
  isArray: (name) => ['testsuites', 'testsuite', 'testcase', 'failure', 'error', 'skipped'].includes(name),
  processEntities: false,
});

// An empty element (`<testcase name="a"/>` without attributes) parses as '', still one element.
const children = (node: Node, name: string): Node[] => (Array.isArray(node[name]) ? (node[name] as unknown[]).map((c) => (c && typeof c === 'object' ? (c as Node) : {})) : []);
const has = (node: Node, name: string) => Array.isArray(node[name]) && (node[name] as unknown[]).length > 0;
const attribute = (node: Node, name: string) => {
  const value = Number(node[`@${name}`] ?? 0);
  return Number.isFinite(value) ? value : 0;
};

/**
 * Counts from a JUnit XML report. Each `<testcase>` is judged by what it
 * holds (a failure or error fails it, a skipped skips it); a report that lists
 * no cases is read from the `tests`/`failures`/`errors`/`skipped` attributes of
 * its innermost suites.
 */
export function readJunitCounts(xml: string): JunitCounts {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { ok: false, reason: `not well-formed XML: line ${valid.err.line}: ${valid.err.msg}` };
  const suites: Node[] = [];
  const collect = (node: Node) => {
    for (const suite of [...children(node, 'testsuites'), ...children(node, 'testsuite')]) {
      suites.push(suite);
      collect(suite);
    }
  };
  collect(parser.parse(xml) as Node);
  if (suites.length === 0) return { ok: false, reason: 'no <testsuite> element' };
  const counts: TestCounts = { passed: 0, failed: 0, skipped: 0, source: 'junit' };
  const cases = suites.flatMap((s) => children(s, 'testcase'));
  for (const testcase of cases) {
    if (has(testcase, 'failure') || has(testcase, 'error')) counts.failed++;
    else if (has(testcase, 'skipped')) counts.skipped++;
    else counts.passed++;
  }
  if (cases.length === 0) {
    for (const suite of suites.filter((s) => children(s, 'testsuite').length === 0 && s['@tests'] !== undefined)) {
      const failed = attribute(suite, 'failures') + attribute(suite, 'errors');
      const skipped = attribute(suite, 'skipped') + attribute(suite, 'disabled');
      counts.failed += failed;
      counts.skipped += skipped;
      counts.passed += Math.max(0, attribute(suite, 'tests') - failed - skipped);
    }
  }
  return { ok: true, counts };
}

/**
 * Removes the JUnit report an earlier run left at `file` (workspace-relative),
 * before this run's own steps start: a report there afterwards is one they
 * wrote. Whatever its date says: a clock, an archive or a cache restore can
 * date a leftover report after the start of any run. Returns whether one was removed.
 */
export function clearJunitReport(root: string, file: string): boolean {
  const path = join(root, file);
  if (!existsSync(path)) return false;
  rmSync(path, { force: true });
  return true;
}

/**
 * The counts of the JUnit report `file` (workspace-relative) that this run's
 * steps wrote, `clearJunitReport` having removed any other before they started.
 */
export function readOwnJunit(root: string, file: string): JunitCounts {
  const path = join(root, file);
  if (!existsSync(path)) return { ok: false, reason: `no step of this run wrote ${file}` };
  const read = readJunitCounts(readFileSync(path, 'utf8'));
  return read.ok ? read : { ok: false, reason: `${file}: ${read.reason}` };
}
