import { expandGateList } from './gate-lists';

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
  ])('%s', (text, gates) => {
    expect(expandGateList(text, KNOWN, CLASSES)).toEqual({ gates, unresolved: [] });
  });

  it('keeps what does not resolve, with the text, and never splits prose into gate ids', () => {
    expect(expandGateList('required by the release manager + VG-NOPE-001 + VG-X-*', KNOWN, CLASSES)).toEqual({
      gates: [],
      unresolved: ['required by the release manager', 'VG-NOPE-001 (not a gate of the matrix)', 'VG-X-* (matches no gate)'],
    });
  });
});
