import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFreshJunit, readJunitCounts } from './test-counts-junit';
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

describe('readFreshJunit', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root: root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());
  const report = '<testsuite><testcase name="a"/></testsuite>';

  it('counts a report written after the run started', () => {
    const started = new Date(Date.now() - 1000);
    writeFileSync(join(root, 'junit.xml'), report);
    expect(readFreshJunit(root, 'junit.xml', started)).toEqual(counts(1, 0, 0));
  });

  it('refuses a report an earlier run left', () => {
    writeFileSync(join(root, 'junit.xml'), report);
    const earlier = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'junit.xml'), earlier, earlier);
    const read = readFreshJunit(root, 'junit.xml', new Date());
    expect(read).toEqual({ ok: false, reason: expect.stringMatching(/^junit\.xml was written at .*, before the step started at .*: a report an earlier run left$/) });
  });

  it('refuses a missing report', () => {
    expect(readFreshJunit(root, 'junit.xml', new Date())).toEqual({ ok: false, reason: 'junit.xml does not exist' });
  });
});
