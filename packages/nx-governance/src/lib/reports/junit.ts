export interface JunitCase {
  name: string;
  classname: string;
  seconds: number;
  /** A blocking verdict that is not a pass: the message, and the output tail as the failure's text. */
  failure?: { message: string; output: string[] };
  /** A passed case's note (an advisory finding): shown by CI without turning the run red. */
  systemOut?: string;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * A JUnit XML report with one suite, as CI systems read it (valid against the
 * Jenkins JUnit XSD): a blocking gate that did not pass (fail, blocked, pending)
 * is a `<failure>` carrying the output tail; an advisory finding is a passed
 * case with a `<system-out>` note, since it does not fail the run.
 */
export function renderJunit(suite: string, cases: JunitCase[]): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const time = cases.reduce((sum, c) => sum + c.seconds, 0).toFixed(3);
  const body = cases.map((c) => {
    const open = `    <testcase name="${escapeXml(c.name)}" classname="${escapeXml(c.classname)}" time="${c.seconds.toFixed(3)}"`;
    const children = [
      ...(c.failure ? [`      <failure message="${escapeXml(c.failure.message)}" type="${escapeXml(c.failure.message.split(':')[0])}">${escapeXml(c.failure.output.join('\n'))}</failure>`] : []),
      ...(c.systemOut !== undefined ? [`      <system-out>${escapeXml(c.systemOut)}</system-out>`] : []),
    ];
    return children.length ? [`${open}>`, ...children, '    </testcase>'].join('\n') : `${open}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" time="${time}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="${time}">`,
    ...body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
