import { createHash } from 'node:crypto';
import { compileIdPatterns, DEFAULT_ID_PATTERNS } from '../ids/id-patterns';
import { indexImportedEvidence, readImportedEvidenceFile } from './imported-evidence';
import { changedImportedEvidence, latestImportedEvidence, passingImportedEvidence } from './imported-evidence-index';

const header = (fields: Record<string, string>) => `# Evidence\n\n${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n')}\n`;

describe('readImportedEvidenceFile', () => {
  it.each([
    ['ev/2026-02-19/milestone-M6/M6-T01-VG-CONTRACT-001.md', header({ Date: '2026-02-19', 'Task IDs': 'M6-T01', 'VG IDs': 'VG-CONTRACT-001', Result: 'pass' }), ['2026-02-19', ['M6-T01'], ['VG-CONTRACT-001'], 'pass', 'header']],
    ['ev/2026-01-09/milestone-M1/VG-CORE-BUILD-003-M1-T02.md', header({ Result: 'PASS' }), ['2026-01-09', ['M1-T02'], ['VG-CORE-BUILD-003'], 'pass', 'header']],
    ['ev/2026-01-08/m/M1-T01-VG-CORE-BUILD-002-r2.md', header({ Result: 'fail' }), ['2026-01-08', ['M1-T01'], ['VG-CORE-BUILD-002'], 'fail', 'header']],
    ['ev/2026-01-22/m/M2-T01-VG-CORE-TEST-001-VG-CORE-TEST-002.md', header({ 'Task IDs': '-', Result: 'pass (advisory)' }), ['2026-01-22', ['M2-T01'], ['VG-CORE-TEST-001', 'VG-CORE-TEST-002'], 'pass', 'header']],
    ['ev/2026-01-30/m/M2-T01-M2-T02-VG-CORE-FMT-001.md', header({ Result: 'blocked' }), ['2026-01-30', ['M2-T01', 'M2-T02'], ['VG-CORE-FMT-001'], 'blocked', 'header']],
    ['ev/2026-01-22/VG-CORE-TEST-001.txt', 'running 4 tests\ntest result: ok. 4 passed; 0 failed\n', ['2026-01-22', [], ['VG-CORE-TEST-001'], 'pass', 'runner summary']],
    ['ev/2026-01-22/VG-CORE-TEST-001.log', 'test result: ok. 3 passed\ntest result: FAILED. 1 passed; 1 failed\n', ['2026-01-22', [], ['VG-CORE-TEST-001'], 'fail', 'runner summary']],
    ['ev/2026-01-24/VG-PY-TEST-001.txt', 'Ran 3 tests in 0.001s\n\nOK\n', ['2026-01-24', [], ['VG-PY-TEST-001'], 'pass', 'runner summary']],
    ['ev/2026-03-01/VG-OPS-002.log', 'smoke ok\n', ['2026-03-01', [], ['VG-OPS-002'], 'unknown', 'nothing']],
    ['ev/x/compat.json', '{"vg_ids":["VG-COMPAT-002"],"task":"M4-T01","status":"passed","date":"2026-02-19"}', ['2026-02-19', ['M4-T01'], ['VG-COMPAT-002'], 'pass', 'json']],
    ['ev/2026-02-20/VG-COMPAT-001.json', '{"outcome": "failed"', ['2026-02-20', [], ['VG-COMPAT-001'], 'unknown', 'nothing']],
    ['ev/2026-02-19/SUMMARY.md', '# Summary\n\n| VG ID | Result |\n|---|---|\n| VG-A-001 | pass |\n| VG-B-001 | pass |\n', ['2026-02-19', [], ['VG-A-001', 'VG-B-001'], 'pass', 'summary table']],
  ])('%s', (file, text, [date, tasks, gates, result, resultFrom]) => {
    const entry = readImportedEvidenceFile(file, text);
    expect(entry && [entry.date, entry.tasks, entry.gates, entry.result, entry.resultFrom]).toEqual([date, tasks, gates, result, resultFrom]);
    expect(entry).toMatchObject({ imported: true, sealed: false, sha256: createHash('sha256').update(text).digest('hex') });
  });

  it('reads the ids a markdown title names ("# Evidence: M3-T01 / QG-CORE-001") when the file name runs them together (mixed-style fixture)', () => {
    const ids = compileIdPatterns({ gate: '^QG(-[A-Z0-9]+)+$', milestone: '^M\\d+$', task: '^(?<milestone>M\\d+)-T\\d+$' });
    const text = '# Evidence: M3-T02 / QG-PY-CLIENT-001\n\n- Date: 2026-05-02\n- Commit: 9ad0e31\n- Result: FAIL (3 failures in test_errors.py)\n';
    const entry = readImportedEvidenceFile('evidence/2026-05-02/milestone-M3/M3-T02-QG-PY-CLIENT-001.md', text, ids);
    expect(entry && [entry.date, entry.tasks, entry.gates, entry.result]).toEqual(['2026-05-02', ['M3-T02'], ['QG-PY-CLIENT-001'], 'fail']);
  });

  it('reads "Outcome:" and "Ran:" as the result and date, and a date inside a file name (release-notes-style fixture: every result was unknown)', () => {
    const record = '# LAT-GATE-001 for M4-T01\n\n- Ran: 2026-02-10\n- Commit: `4c7e2a1`\n- Outcome: PASS\n';
    expect(readImportedEvidenceFile('governance-docs/evidence/M4-T01/LAT-GATE-001@2026-02-10.md', record, compileIdPatterns({ ...DEFAULT_ID_PATTERNS, gate: '^LAT-GATE-\\d{3}$' }))).toMatchObject({
      date: '2026-02-10',
      tasks: ['M4-T01'],
      gates: ['LAT-GATE-001'],
      result: 'pass',
      resultFrom: 'header',
    });
    const smoke = '# Weekly smoke, 2026-03-02\n\nGate: LAT-COMPAT-002, against `main`.\n\nOutcome: FAIL, 2 failed.\n';
    expect(readImportedEvidenceFile('evidence/weekly/2026-03-02-lattice-py-smoke.md', smoke, compileIdPatterns({ ...DEFAULT_ID_PATTERNS, gate: '^LAT-COMPAT-\\d{3}$' }))).toMatchObject({ date: '2026-03-02', result: 'fail', gates: ['LAT-COMPAT-002'] });
  });

  it('names no gate: not evidence of anything', () => {
    expect(readImportedEvidenceFile('ev/README.md', '# Evidence\n')).toBeUndefined();
  });
});

describe('the imported evidence index', () => {
  const files: Record<string, string> = {
    'ev/2026-01-08/M1-T01-VG-X-001.md': header({ Result: 'fail' }),
    'ev/2026-01-08/M1-T01-VG-X-001-r2.md': header({ Result: 'pass' }),
    'ev/2026-01-09/VG-Y-001.md': header({ Result: 'pass' }),
    'ev/2026-01-10/M1-T02-VG-Y-001.md': header({ Result: 'fail' }),
    'ev/2026-01-11/M1-T03-VG-Z-001.md': header({ Result: 'pass' }),
    'ev/2026-01-11/perf.json': '{"gate": "VG-Z-001"}',
    'ev/notes.md': '# nothing\n',
  };
  const reader = { read: (p: string) => files[p] };
  const { index, skipped } = indexImportedEvidence(reader, 'ev', Object.keys(files), compileIdPatterns());

  it('indexes what names a gate and says what it skipped', () => {
    expect(index.entries.map((e) => e.file)).toEqual(Object.keys(files).slice(0, 6));
    expect(skipped).toEqual([{ file: 'ev/notes.md', why: 'names no gate (no gate id in its name, header or content: an id matching ^VG(-[A-Z0-9]+)+$ (ids.gate in governance/governance.json))' }]);
  });

  it('takes the newest run (-r2 after the first) for a gate and task', () => {
    expect(latestImportedEvidence(index, 'VG-X-001', 'M1-T01')?.file).toBe('ev/2026-01-08/M1-T01-VG-X-001-r2.md');
    expect(passingImportedEvidence(index, 'VG-X-001', 'M1-T01').map((e) => e.file)).toEqual(['ev/2026-01-08/M1-T01-VG-X-001-r2.md']);
  });

  it('on the same day, prefers the file that names the task over a generic one', () => {
    expect(latestImportedEvidence(index, 'VG-Z-001', 'M1-T03')?.file).toBe('ev/2026-01-11/M1-T03-VG-Z-001.md');
    // perf.json states no result, so it does not hide the file of the same day that does.
    expect(latestImportedEvidence(index, 'VG-Z-001')?.file).toBe('ev/2026-01-11/M1-T03-VG-Z-001.md');
  });

  it('counts evidence that names no task for every task, but not evidence of another task', () => {
    expect(passingImportedEvidence(index, 'VG-Y-001', 'M9-T01').map((e) => e.file)).toEqual(['ev/2026-01-09/VG-Y-001.md']);
    expect(passingImportedEvidence(index, 'VG-Y-001', 'M1-T02')).toEqual([]);
  });

  it('a newer record that states no result does not hide an older pass (issue 19, 6)', () => {
    const withUnknown = { ...index, entries: [...index.entries, ...indexImportedEvidence({ read: () => 'no result stated\n' }, 'ev', ['ev/2026-02-01/records/VG-X-001.md'], compileIdPatterns()).index.entries] };
    expect(withUnknown.entries.at(-1)?.result).toBe('unknown');
    expect(passingImportedEvidence(withUnknown, 'VG-X-001', 'M1-T01').map((e) => e.file)).toEqual(['ev/2026-01-08/M1-T01-VG-X-001-r2.md']);
  });

  it('detects a file that changed or went after import', () => {
    const changed: Record<string, string> = { ...files, 'ev/2026-01-09/VG-Y-001.md': header({ Result: 'fail' }) };
    delete changed['ev/2026-01-08/M1-T01-VG-X-001.md'];
    expect(changedImportedEvidence({ read: (p: string) => changed[p] }, index)).toEqual([
      { file: 'ev/2026-01-08/M1-T01-VG-X-001.md', why: 'missing: the file was removed after import' },
      { file: 'ev/2026-01-09/VG-Y-001.md', why: `changed after import: sha256 ${index.entries[2].sha256.slice(0, 12)}… at import, ${createHash('sha256').update(changed['ev/2026-01-09/VG-Y-001.md']).digest('hex').slice(0, 12)}… now` },
    ]);
  });
});
