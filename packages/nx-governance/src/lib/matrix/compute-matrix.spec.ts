import type { CompatRecord } from '../compat/compat-result';
import { compatibilityFileSchema } from '../schemas/compatibility';
import { computeMatrix, type StoredCompatResult } from './compute-matrix';
import { queryMatrix } from './query-matrix';
import { renderMatrixMarkdown } from './render-matrix';
import { releaseCycles } from './support-window';

const compat = compatibilityFileSchema.parse({
  releases: [
    { version: '0.2.0', date: '2025-03-01' },
    { version: '0.3.0', date: '2025-09-01' },
    { version: '0.3.4', date: '2025-11-20' },
    { version: '0.4.0', date: '2026-01-15' },
    { version: '0.4.2', date: '2026-02-19' },
  ],
  consumers: [
    { name: 'io-rflx', project: 'io-rflx', supports: '^0.4.0' },
    { name: 'loop-agent', project: 'loop-agent' },
  ],
  policy: { supportWindow: { latestMinors: 2 }, deprecationLeadTimeDays: 30 },
  tuples: [
    { id: 'current', core: '0.4.2', consumers: { 'io-rflx': '1.3.0', 'loop-agent': '0.2.0' } },
    { id: 'rollback', core: '0.4.0', consumers: { 'io-rflx': '1.2.0', 'loop-agent': '0.1.4' } },
  ],
  deprecations: [{ id: 'old-line', what: 'The 0.3 line', announced: '2026-01-15', removal: '2026-03-01', coreVersions: '~0.3.0' }],
});

function result(consumer: string, core: string, version: string, result: CompatRecord['result'], finishedAt: string): StoredCompatResult {
  return {
    file: `evidence/compat/${consumer}/results/${finishedAt}.json`,
    record: { consumer, result, reason: `${result} reason`, finishedAt, tuple: { core: { project: 'loop', version: core, dirty: false }, consumer: { name: consumer, version, dirty: false } } } as CompatRecord,
  };
}

describe('releaseCycles', () => {
  it('keeps the latest N minor lines in the window and dates the end of the others', () => {
    expect(releaseCycles(compat, '2026-03-01')).toEqual([
      { cycle: '0.4', releaseDate: '2026-01-15', eol: false, latest: '0.4.2', latestReleaseDate: '2026-02-19', inWindow: true },
      { cycle: '0.3', releaseDate: '2025-09-01', eol: false, latest: '0.3.4', latestReleaseDate: '2025-11-20', inWindow: true },
      { cycle: '0.2', releaseDate: '2025-03-01', eol: '2026-01-15', latest: '0.2.0', latestReleaseDate: '2025-03-01', inWindow: false },
    ]);
  });

  it('with months as well, support lasts until the later of the two rules', () => {
    const both = { ...compat, policy: { ...compat.policy, supportWindow: { latestMinors: 1, months: 3 } } };
    expect(releaseCycles(both, '2026-03-01').map((c) => [c.cycle, c.eol, c.inWindow])).toEqual([
      ['0.4', false, true],
      ['0.3', '2026-04-15', true],
      ['0.2', '2025-12-01', false],
    ]);
  });
});

describe('computeMatrix', () => {
  const results = [
    result('io-rflx', '0.4.2', '1.3.0', 'pass', '2026-02-20T10:00:00.000Z'),
    result('loop-agent', '0.4.2', '0.2.0', 'pass', '2026-02-20T10:00:00.000Z'),
    result('loop-agent', '0.4.2', '0.2.0', 'regressed', '2026-02-21T10:00:00.000Z'),
    result('io-rflx', '0.4.0', '1.2.0', 'pass', '2026-02-01T10:00:00.000Z'),
    result('io-rflx', '0.4.0', '1.2.0', 'spurious', '2026-02-02T10:00:00.000Z'),
  ];
  const matrix = computeMatrix(compat, results);

  it('gives every pair in the window a tier with its reason and evidence', () => {
    expect(matrix.asOf).toBe('2026-02-21');
    expect(matrix.cells.map((c) => [c.core, c.consumer, c.consumerVersion, c.tier])).toEqual([
      ['0.4.2', 'io-rflx', '1.3.0', 'supported'],
      ['0.4.2', 'loop-agent', '0.2.0', 'unsupported'],
      ['0.4.0', 'io-rflx', '1.2.0', 'conditional'],
      ['0.4.0', 'loop-agent', '0.1.4', 'untested'],
      ['0.3.4', 'io-rflx', 'any', 'deprecated'],
      ['0.3.4', 'loop-agent', 'any', 'deprecated'],
      ['0.3.0', 'io-rflx', 'any', 'deprecated'],
      ['0.3.0', 'loop-agent', 'any', 'deprecated'],
    ]);
    expect(matrix.cells[1]).toMatchObject({ why: 'regressed: regressed reason', evidence: 'evidence/compat/loop-agent/results/2026-02-21T10:00:00.000Z.json' });
    expect(matrix.cells[2].why).toBe('passed before; the newest run was spurious: spurious reason');
    expect(matrix.cells[4].why).toBe('The 0.3 line: announced 2026-01-15, removed 2026-03-01');
  });

  it('renders the same bytes for the same data, whatever the order results were read in', () => {
    expect(renderMatrixMarkdown(computeMatrix(compat, [...results].reverse()))).toBe(renderMatrixMarkdown(matrix));
    expect(renderMatrixMarkdown(matrix)).toContain('| 0.4.2 | loop-agent | 0.2.0 | UNSUPPORTED | regressed: regressed reason |');
  });

  it('answers one question: a pair, an unknown version, a release out of the window, an unknown consumer', () => {
    expect(queryMatrix(matrix, '0.4.2', 'io-rflx@1.3.0').cells.map((c) => c.tier)).toEqual(['supported']);
    expect(queryMatrix(matrix, '0.4.2', 'io-rflx@9.9.9').cells).toEqual([
      { core: '0.4.2', consumer: 'io-rflx', consumerVersion: '9.9.9', tier: 'untested', why: 'no tuple or result for io-rflx 9.9.9 with 0.4.2' },
    ]);
    expect(queryMatrix(matrix, '0.2.0', 'io-rflx').cells[0]).toMatchObject({ tier: 'unsupported', why: 'the 0.2 line left the support window on 2026-01-15' });
    expect(queryMatrix(matrix, '0.4.2', 'nope').error).toBe('unknown consumer nope, expected one of: io-rflx, loop-agent, or declare it with nx g nx-governance:consumer nope');
  });

  it('knows nothing of a release compatibility.json does not list: untested, never unsupported (helper D: "1.1.4 is not a core release in the support window" on a release the prose validated)', () => {
    expect(queryMatrix(matrix, '1.1.4', 'io-rflx@1.3.0').cells).toEqual([
      { core: '1.1.4', consumer: 'io-rflx', consumerVersion: '1.3.0', tier: 'untested', why: '1.1.4 is no core release compatibility.json lists; add it to releases with its date' },
    ]);
    const none = computeMatrix({ ...compat, consumers: [] }, []);
    expect(queryMatrix(none, '0.4.2', 'lattice-py').error).toBe('unknown consumer lattice-py: no consumer is declared; declare it with nx g nx-governance:consumer lattice-py');
  });
});

describe('computeMatrix before 1.0: tuples of commits with the tiers the document states', () => {
  const [A, B, C] = ['4f2a9c1', '9be03d7', '1c0ffee'].map((short) => short.padEnd(40, '0'));
  const compat = compatibilityFileSchema.parse({
    releases: [
      { commit: A, date: '2026-06-01' },
      { commit: B, date: '2026-02-01' },
      { commit: C, date: '2025-10-01' },
    ],
    consumers: [{ name: 'agent', project: 'agent' }],
    policy: { supportWindow: { days: 90, tuples: ['rollback'] }, deprecationLeadTimeDays: 14, minimumTuplesPerConsumer: 1 },
    tuples: [
      { id: 'current', core: A, consumers: { agent: 'a1b2c3d' }, tier: 'supported', validated: '2026-06-01' },
      { id: 'rollback', core: B, consumers: { agent: 'e4f5a6b' }, tier: 'conditional', validated: '2026-02-01' },
      { id: 'old', core: C, consumers: { agent: '0a0b0c0' }, tier: 'supported', validated: '2025-10-01' },
    ],
  });

  it('takes the stated tier within the window, the window the document states, and the tuples it always keeps', () => {
    const cells = computeMatrix(compat, []).cells.map((c) => `${c.core.slice(0, 7)} ${c.consumerVersion} ${c.tier}: ${c.why}`);
    expect(cells).toEqual([
      '4f2a9c1 a1b2c3d supported: tuple current as the compatibility document states (validated 2026-06-01); no compatibility result of its own yet',
      '9be03d7 e4f5a6b conditional: tuple rollback as the compatibility document states (validated 2026-02-01); no compatibility result of its own yet',
      '1c0ffee 0a0b0c0 unsupported: tuple old (validated 2025-10-01) is outside the 90-day support window',
    ]);
  });

  it('states the window in the rendered matrix', () => {
    expect(renderMatrixMarkdown(computeMatrix(compat, []))).toContain('- Support window: tuples validated within the last 90 day(s), or the tuples rollback always, whichever lasts longer.');
  });
});

describe('computeMatrix of imported prose: undated releases, tuples pinned by a release commit, a consumer not in this workspace', () => {
  const compat = compatibilityFileSchema.parse({
    releases: [{ version: '1.6.0' }, { version: '1.5.2' }, { version: '1.4.0' }, { version: '0.4.0', commit: '3a4b5c6', date: '2026-01-30' }],
    consumers: [{ name: 'tide-notebook' }, { name: 'quill-py' }],
    policy: { supportWindow: { latestMinors: 2 }, deprecationLeadTimeDays: 14, minimumTuplesPerConsumer: 1 },
    tuples: [
      { id: 'tide-notebook-1-6-0', core: '1.6.0', consumers: { 'tide-notebook': '3.2.0' }, tier: 'supported' },
      { id: 'tide-notebook-1-4-0', core: '1.4.0', consumers: { 'tide-notebook': '3.0.9' }, tier: 'unsupported' },
      { id: 'quill-py-current', core: '3a4b5c6', consumers: { 'quill-py': 'any' }, tier: 'conditional' },
    ],
  });

  it('orders undated releases by version, so the latest minor lines are the window, and says no date is stated', () => {
    const cycles = releaseCycles(compat, '2026-12-01');
    expect(cycles.map((c) => [c.cycle, c.releaseDate ?? '-', c.eol, c.inWindow])).toEqual([
      ['1.6', '-', false, true],
      ['1.5', '-', false, true],
      ['1.4', '-', 'unknown', false],
      ['0.4', '2026-01-30', 'unknown', false],
    ]);
    expect(renderMatrixMarkdown(computeMatrix(compat, []))).toContain('| 1.4 | not stated | 1.4.0 | not stated | unknown (a date is not stated) | no |');
  });

  it('a window in months cannot place a line replaced on a date nobody stated: outside it, never supported by default', () => {
    const months = { ...compat, policy: { ...compat.policy, supportWindow: { months: 6 } } };
    expect(releaseCycles(months, '2026-12-01').map((c) => [c.cycle, c.eol, c.inWindow])).toEqual([
      ['1.6', false, true],
      ['1.5', 'unknown', false],
      ['1.4', 'unknown', false],
      ['0.4', 'unknown', false],
    ]);
  });

  it('gives a tuple pinned by the commit of a versioned release the tier it states', () => {
    const window = { ...compat, policy: { ...compat.policy, supportWindow: { latestMinors: 4 } } };
    const cell = computeMatrix(window, []).cells.find((c) => c.consumer === 'quill-py' && c.core === '0.4.0');
    expect(cell).toMatchObject({ consumerVersion: 'any', tier: 'conditional', why: expect.stringContaining('tuple quill-py-current as the compatibility document states') });
  });
});
