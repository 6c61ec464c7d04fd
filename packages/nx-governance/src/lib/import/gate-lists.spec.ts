import { expandGateList } from './gate-lists';
import { compileIdPatterns } from '../ids/id-patterns';
import { CUSTOM_IDS } from '../../test-helpers/custom-ids';

const KNOWN = ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003', 'VG-CORE-TEST-001', 'VG-PERF-001', 'VG-PY-001'];
const CLASSES = new Map([
  ['R1', ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001']],
  ['R2', ['VG-CORE-BUILD-001', 'VG-PY-001']],
]);

describe('expandGateList', () => {
  it.each([
    ['VG-CORE-BUILD-001/002/003', ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003']],
    ['`VG-CORE-*`', ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003', 'VG-CORE-TEST-001']],
    ['All applicable R1/R2 gates + VG-PERF-001', ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001', 'VG-PY-001', 'VG-PERF-001']],
    ['VG-PY-001, VG-PERF-001 and VG-CORE-TEST-001', ['VG-PY-001', 'VG-PERF-001', 'VG-CORE-TEST-001']],
    ['all R1 gates', ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001']],
    ['VG-PERF-001 plus applicable consumer tuple gates (`VG-PY-001`, `VG-CORE-TEST-001`)', ['VG-PERF-001', 'VG-PY-001', 'VG-CORE-TEST-001']],
    ['VG-CORE-BUILD-001..003', ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003']],
    ['VG-CORE-BUILD-001 to VG-CORE-BUILD-002', ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002']],
    ['`VG-CORE-BUILD*` and VG-PY-001', ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003', 'VG-PY-001']],
    ['VG-*-001', ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001', 'VG-PERF-001', 'VG-PY-001']],
    ['everything in R2, plus VG-PERF-001', ['VG-CORE-BUILD-001', 'VG-PY-001', 'VG-PERF-001']],
    ['everything R1 needs plus VG-PY-001 and VG-PERF-001', ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001', 'VG-PY-001', 'VG-PERF-001']],
  ])('%s', (text, gates) => {
    expect(expandGateList(text, KNOWN, CLASSES)).toMatchObject({ gates, unresolved: [] });
  });

  it('names every gate id the list writes, defined or not, with ranges written out (a pattern names none)', () => {
    expect(expandGateList('VG-A-001..002, VG-B-001/002, VG-PY-001, `VG-C-*`', KNOWN, CLASSES).named).toEqual(['VG-A-001', 'VG-A-002', 'VG-B-001', 'VG-B-002', 'VG-PY-001']);
  });

  it('reads words in parentheses after a gate as a remark on it, not as a gate (mixed-style: "(advisory — see ADR-7)"); a list in parentheses is still a list', () => {
    expect(expandGateList('`VG-PERF-001` (advisory — see ADR-7)', KNOWN, CLASSES)).toEqual({ gates: ['VG-PERF-001'], named: ['VG-PERF-001'], unresolved: [] });
    expect(expandGateList('VG-PY-001 plus applicable consumer tuple gates (`VG-PERF-001`, `VG-CORE-TEST-001`)', KNOWN, CLASSES).gates).toEqual(['VG-PY-001', 'VG-PERF-001', 'VG-CORE-TEST-001']);
    expect(expandGateList('VG-PY-001 (see R1 gates)', KNOWN, CLASSES).gates).toEqual(['VG-PY-001', 'VG-CORE-BUILD-001', 'VG-CORE-TEST-001']);
  });

  it('keeps what does not resolve, with the text, and never splits prose into gate ids', () => {
    expect(expandGateList('required by the release manager + VG-NOPE-001 + VG-X-*', KNOWN, CLASSES)).toEqual({
      gates: [],
      named: ['VG-NOPE-001'],
      unresolved: ['required by the release manager', 'VG-NOPE-001 (not a gate of the matrix)', 'VG-X-* (matches no gate)'],
    });
  });
});

describe('expandGateList with configured gate ids', () => {
  const ids = compileIdPatterns(CUSTOM_IDS);
  const known = ['GATE-BUILD-1', 'GATE-BUILD-2', 'GATE-TEST-1'];

  it('reads GATE- ids, their slash ranges and wildcards', () => {
    expect(expandGateList('GATE-BUILD-1/2 + `GATE-TEST-*`', known, new Map(), ids)).toMatchObject({ gates: ['GATE-BUILD-1', 'GATE-BUILD-2', 'GATE-TEST-1'], unresolved: [] });
  });
});
