import { readAs, SPOOFS, spoofStrings } from '../../test-helpers/spoofing';
import { readRepoFile } from '../../test-helpers/temp-workspace';
import type { CompatRecord } from '../compat/compat-result';
import { renderCompatMarkdown } from '../compat/render-compat-markdown';
import { renderCadenceMarkdown } from '../docs/render-cadence';
import { renderPlaybookMarkdown } from '../docs/render-playbook';
import { renderMatrixMarkdown } from '../matrix/render-matrix';
import type { CompatibilityMatrix } from '../matrix/compute-matrix';
import { renderReleasePacket, type ReleasePacket } from '../release/release-packet';
import { renderRollbackMarkdown, type RollbackDecision } from '../rollback/rollback-decision';
import { codeSpan, escapeMarkdown } from './escape';

const compat: CompatRecord = {
  kind: 'nx-governance/compat-result',
  formatVersion: 1,
  consumer: 'io-rflx',
  project: 'io-rflx',
  tuple: { core: { project: 'loop', version: '0.4.2', commit: 'abc', dirty: false }, consumer: { name: 'io-rflx', version: '1.3.0', dirty: false }, schemaVersion: 'v1' },
  result: 'regressed',
  outcome: 'fail',
  reason: 'tests failed',
  command: { argv: ['cargo', 'test'], cwd: 'vendor/io-rflx', env: [] },
  tests: { passed: 1, failed: 1, skipped: 0, source: 'cargo test' },
  durationMs: 1000,
  tail: ['test result: FAILED'],
  log: 'evidence/compat/io-rflx/logs/x.log',
  startedAt: '2026-01-01T00:00:00Z',
  finishedAt: '2026-01-01T00:00:01Z',
  digest: 'd',
};
const matrix: CompatibilityMatrix = {
  kind: 'nx-governance/compatibility-matrix',
  asOf: '2026-01-01',
  policy: { supportWindow: { latestMinors: 2 }, minimumTuplesPerConsumer: 2, deprecationLeadTimeDays: 90 } as CompatibilityMatrix['policy'],
  cycles: [{ cycle: '0.4', releaseDate: '2026-01-01', latest: '0.4.2', latestReleaseDate: '2026-01-01', eol: false, inWindow: true }],
  consumers: ['io-rflx'],
  cells: [{ core: '0.4.2', consumer: 'io-rflx', consumerVersion: '1.3.0', tier: 'unsupported', why: 'regressed', evidence: 'evidence/compat/x.json' }],
  deprecations: [{ id: 'd1', what: 'old flag', announced: '2026-01-01', removal: '2026-04-01' }] as CompatibilityMatrix['deprecations'],
};
const item = { id: 'gate', check: 'gate passes', state: 'fail' as const, reason: 'failed', evidence: [], advisory: false };
const packet: ReleasePacket & { digest: string } = {
  kind: 'nx-governance/release-packet',
  date: '2026-01-01',
  version: '0.4.3',
  releaseClass: 'R2',
  owner: 'Release manager',
  approver: 'Someone',
  currentTuple: { core: { version: '0.4.3', commit: 'abcdef' }, consumers: { 'io-rflx': { version: '1.3.0', commit: 'abc' } } },
  rollbackTuple: { id: 'rollback', core: '0.4.0', consumers: { 'io-rflx': '1.2.0' } },
  items: [item],
  advisoryFindings: [{ ...item, advisory: true }],
  verdict: 'no-go',
  digest: 'd',
};
const playbook = JSON.parse(readRepoFile('governance/playbook.json'));
const decision: RollbackDecision & { digest: string } = {
  kind: 'nx-governance/rollback-decision',
  decidedAt: '2026-01-01',
  candidate: { rev: 'HEAD', commit: 'abc' },
  baseline: { rev: 'v1', commit: 'def' },
  triggers: [{ id: 'functional', kind: 'functional', state: 'fired', reason: 'VG-X fail', evidence: [] }],
  verdict: 'roll-back',
  reason: 'functional fired',
  rollback: true,
  procedure: [],
  digest: 'd',
};

const RENDERERS: Array<[string, (text: string) => string]> = [
  ['compat markdown (consumer output, manifest version)', (t) => renderCompatMarkdown(spoofStrings(compat, t))],
  ['rendered cadence', (t) => renderCadenceMarkdown(spoofStrings(JSON.parse(readRepoFile('governance/cadence.json')), t), spoofStrings(playbook, t))],
  ['rendered playbook', (t) => renderPlaybookMarkdown(spoofStrings(playbook, t), spoofStrings(JSON.parse(readRepoFile('governance/gates.json')).gates, t))],
  ['rendered matrix', (t) => renderMatrixMarkdown(spoofStrings(matrix, t))],
  ['release packet', (t) => renderReleasePacket(spoofStrings(packet, t))],
  ['rollback decision', (t) => renderRollbackMarkdown(spoofStrings({ ...decision, procedure: [{ step: 'Revert.', owner: 'Release manager (Ada)' }] }, t))],
];

describe('markdown from data cannot be read as something else', () => {
  const cases = RENDERERS.flatMap(([name, render]) => Object.entries(SPOOFS).map(([spoof, text]) => [name, spoof, render, text] as const));
  it.each(cases)('%s, through %s', (_name, _spoof, render, text) => {
    expect(readAs(render(text))).toEqual(readAs(render('plain')));
  });

  it('keeps ordinary text readable', () => {
    expect(escapeMarkdown('LOOP_CLI e.g. 0.4.2 (R2)')).toBe('LOOP_CLI e.g. 0.4.2 (R2)');
    expect(escapeMarkdown('a\nb | <c> & `d`')).toBe('a ⏎ b \\| &lt;c&gt; &amp; \\`d\\`');
    expect(codeSpan('echo `x`')).toBe('`` echo `x` ``');
  });
});
