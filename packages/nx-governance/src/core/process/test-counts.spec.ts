import { readJunitCounts, TestSummaryReader } from './test-counts';

function read(output: string) {
  const reader = new TestSummaryReader();
  for (const line of output.split('\n')) reader.read(line);
  return reader.result();
}

describe('TestSummaryReader', () => {
  it.each([
    ['unittest OK', '....\n----------\nRan 4 tests in 0.002s\n\nOK', { passed: 4, failed: 0, skipped: 0, source: 'unittest' }],
    ['unittest skipped', 'Ran 4 tests in 0.000s\n\nOK (skipped=2)', { passed: 2, failed: 0, skipped: 2, source: 'unittest' }],
    ['unittest failed', 'Ran 5 tests in 0.1s\n\nFAILED (failures=1, errors=1, skipped=1)', { passed: 2, failed: 2, skipped: 1, source: 'unittest' }],
    ['unittest none', 'Ran 0 tests in 0.000s\n\nNO TESTS RAN', undefined],
    [
      'cargo test, summed over binaries',
      'test result: ok. 7 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\ntest result: ok. 2 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.00s',
      { passed: 9, failed: 1, skipped: 3, source: 'cargo test' },
    ],
    ['jest', 'Tests:       2 failed, 1 skipped, 68 passed, 71 total', { passed: 68, failed: 2, skipped: 1, source: 'jest' }],
    ['pytest', '======== 5 passed, 1 failed, 2 skipped in 0.12s ========', { passed: 5, failed: 1, skipped: 2, source: 'pytest' }],
    ['node --test', '# tests 6\n# suites 0\n# pass 5\n# fail 1\n# cancelled 0\n# skipped 0\n# todo 0', { passed: 5, failed: 1, skipped: 0, source: 'node --test' }],
    ['plain line', 'contract: 7 passed, 0 failed', { passed: 7, failed: 0, skipped: 0, source: 'summary line' }],
    ['nothing', 'compiling...\ndone', undefined],
  ])('reads %s', (_name, output, expected) => {
    expect(read(output)).toEqual(expected);
  });
});

describe('readJunitCounts', () => {
  it('sums every suite', () => {
    const xml = `<?xml version="1.0"?><testsuites tests="5"><testsuite name="a" tests="3" failures="1" errors="0" skipped="1"><testcase/></testsuite><testsuite name="b" tests="2" failures="0" errors="1"></testsuite></testsuites>`;
    expect(readJunitCounts(xml)).toEqual({ passed: 2, failed: 2, skipped: 1, source: 'junit' });
  });

  it('returns nothing for a file without suites', () => {
    expect(readJunitCounts('<html/>')).toBeUndefined();
  });
});
