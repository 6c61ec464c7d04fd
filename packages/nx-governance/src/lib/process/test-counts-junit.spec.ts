import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearJunitReport, readJunitCounts, readOwnJunit } from './test-counts-junit';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';

const counts = (passed: number, failed: number, skipped: number) => ({ ok: true, counts: { passed, failed, skipped, source: 'junit' } });

describe('readJunitCounts', () => {
  it.each([
    [
      'cases, judged by what they hold',
      `<?xml version="1.0"?><testsuites tests="5"><testsuite name="a" tests="3"><testcase name="x"/><testcase name="y"><failure message="boom">trace &lt;here&gt;</failure></testcase><testcase name="z"><skipped/></testcase></testsuite><testsuite name="b"><testcase name="e"><error/></testcase><testcase/></testsuite></testsuites>`,
      counts(2, 2, 1),
    ],
    ['one suite at the root, one case', `<testsuite name="a" tests="1"><testcase name="only"/></testsuite>`, counts(1, 0, 0)],
    ['nested suites', `<testsuites><testsuite name="outer"><testsuite name="inner"><testcase name="a"/><testcase name="b"/></testsuite></testsuite></testsuites>`, counts(2, 0, 0)],
    [
      'attributes only, innermost suites',
      `<testsuites tests="9"><testsuite name="a" tests="3" failures="1" errors="0" skipped="1"></testsuite><testsuite name="b" tests="2" failures="0" errors="1"/></testsuites>`,
      counts(2, 2, 1),
    ],
    ['CDATA output and a comment', `<testsuite><!-- <testcase/> --><testcase name="a"><system-out><![CDATA[<testcase>]]></system-out></testcase></testsuite>`, counts(1, 0, 0)],
  ])('counts %s', (_name, xml, expected) => {
    expect(readJunitCounts(xml)).toEqual(expected);
  });

  it.each([
    ['no suite', '<html/>', 'no <testsuite> element'],
    ['broken XML', '<testsuite><testcase></testsuite>', 'not well-formed XML: line 1'],
  ])('refuses %s', (_name, xml, reason) => {
    const read = readJunitCounts(xml);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toContain(reason);
  });
});

describe('a JUnit report counts only if this run wrote it', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root: root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());
  const report = '<testsuite><testcase name="a"/></testsuite>';

  it('counts a report written after the one an earlier run left was cleared', () => {
    writeFileSync(join(root, 'junit.xml'), '<testsuite tests="25"/>');
    expect(clearJunitReport(root, 'junit.xml')).toBe(true);
    writeFileSync(join(root, 'junit.xml'), report);
    expect(readOwnJunit(root, 'junit.xml')).toEqual(counts(1, 0, 0));
  });

  it('refuses a leftover report whatever its date: one dated tomorrow is cleared like any other', () => {
    writeFileSync(join(root, 'junit.xml'), report);
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    utimesSync(join(root, 'junit.xml'), tomorrow, tomorrow);
    clearJunitReport(root, 'junit.xml');
    expect(readOwnJunit(root, 'junit.xml')).toEqual({ ok: false, reason: 'no step of this run wrote junit.xml' });
    expect(clearJunitReport(root, 'junit.xml')).toBe(false);
  });
});
