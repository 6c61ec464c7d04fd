import { diskFileReader } from '../workspace/file-reader';
import { loadGovernance } from '../workspace/load-governance';
import { copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import type { CompatRecord } from '../compat/compat-result';
import type { GateJudgement } from '../evidence/judge-gate-evidence';
import { evaluateCadence, type EvidenceHistory } from './evaluate-cadence';
import { readImportedEvidenceFile } from '../evidence/imported-evidence';

describe('evaluateCadence', () => {
  const { root, cleanup } = makeTempWorkspace();
  copyBundledGovernance(root);
  const { data } = loadGovernance(diskFileReader(root), 'governance/governance.json');
  afterAll(cleanup);
  const history: EvidenceHistory = {
    gateDates: new Map([
      ['VG-CONTRACT-001', ['2026-03-01', '2026-03-20']],
      ['VG-COMPAT-001', ['2026-03-25']],
    ]),
    latestGate: new Map([['VG-CONTRACT-001', { state: 'pass' } as GateJudgement]]),
    latestCompat: new Map([['io-rflx', { finishedAt: '2026-03-25T10:00:00Z' } as CompatRecord]]),
  };
  const consumers = ['io-rflx', 'loop-agent', 'rlm-claude-code'];

  it('dates each activity from its newest evidence, reproducibly for --as-of', () => {
    const report = evaluateCadence(data, history, consumers, '2026-03-31');
    expect(report.activities.map((a) => [a.id, a.lastDone ?? null, a.nextDue ?? null, a.status])).toEqual([
      ['contract-review', '2026-03-20', '2026-04-19', 'ok'],
      ['contract-change-review', '2026-03-20', null, 'on event'],
      ['compat-run', '2026-03-25', '2026-04-01', 'due soon'],
      ['matrix-update', null, null, 'on event'],
      ['decision-log-review', null, null, 'overdue'],
    ]);
  });

  it('is overdue past the interval', () => {
    const report = evaluateCadence(data, history, consumers, '2026-05-02');
    expect(report.activities.find((a) => a.id === 'contract-review')?.status).toBe('overdue');
    expect(report.activities.find((a) => a.id === 'compat-run')?.status).toBe('overdue');
  });

  it('reports drift: stale results, missing results, expired deprecations, unrequired gates', () => {
    const report = evaluateCadence(data, history, consumers, '2026-05-02');
    expect(report.drift).toEqual([
      'compatibility result of io-rflx is from 2026-03-25, older than its compat-run cadence (7 days)',
      'consumer loop-agent has no compatibility result',
      'consumer rlm-claude-code has no compatibility result',
      'deprecation envelope-v0 passed its removal date 2026-05-01 and is still listed',
      'gate VG-GOVERNANCE-001 is required by no task card',
      'gate VG-LOOP-BUILD-001 is required by no task card',
      'gate VG-LOOP-TEST-001 is required by no task card',
      'gate VG-LOOP-CONTRACT-001 is required by no task card',
      'gate VG-COMPAT-001 is required by no task card',
      'gate VG-LOOP-PERF-001 is required by no task card',
    ]);
  });

  it('uses imported evidence, labelled as imported: a done card with a passing imported file is not drift', () => {
    const file = 'docs/evidence/2026-04-10/milestone-M6/M6-T01-VG-CONTRACT-001.md';
    const entry = readImportedEvidenceFile(file, 'Date: 2026-04-10\nResult: pass\n');
    const imported = { kind: 'nx-governance/imported-evidence' as const, folder: 'docs/evidence', entries: entry ? [entry] : [] };
    const withoutSealed: EvidenceHistory = { ...history, gateDates: new Map(), latestGate: new Map(), imported };
    const report = evaluateCadence(data, withoutSealed, consumers, '2026-04-20');
    expect(report.activities.find((a) => a.id === 'contract-review')).toMatchObject({ lastDone: '2026-04-10', status: 'ok', source: `imported evidence of VG-CONTRACT-001 (${file})` });
    expect(report.drift.filter((d) => d.startsWith('task M6-T01'))).toEqual([]);
    expect(report.drift.filter((d) => d.startsWith('task '))).toEqual([
      'task M6-T02 is done without passing evidence for VG-CONTRACT-001 (missing: no evidence)',
      'task M6-T03 is done without passing evidence for VG-CONTRACT-001 (missing: no evidence)',
    ]);
  });
});

describe('evaluateCadence of an activity recorded by the compatibility results (init\'s compat-run)', () => {
  const { root, cleanup } = makeTempWorkspace();
  copyBundledGovernance(root);
  const loaded = loadGovernance(diskFileReader(root), 'governance/governance.json').data;
  afterAll(cleanup);
  const activity = { id: 'compat-run', title: 'Compatibility run of every consumer', interval: 'weekly' as const, owner: 'compatibility-owner', output: 'results', evidence: 'compat-results' as const };
  const data = { ...loaded, cadence: loaded.cadence && { ...loaded.cadence, data: { ...loaded.cadence.data, activities: [activity] } } };
  const withResults = (dates: Record<string, string>): EvidenceHistory => ({
    gateDates: new Map(),
    latestGate: new Map(),
    latestCompat: new Map(Object.entries(dates).map(([consumer, date]) => [consumer, { finishedAt: `${date}T10:00:00Z` } as CompatRecord])),
  });

  it('is done when every consumer has a result, on the day the oldest of their newest was made', () => {
    const report = evaluateCadence(data, withResults({ a: '2026-03-25', b: '2026-03-27' }), ['a', 'b'], '2026-03-28');
    expect(report.activities.map((a) => [a.id, a.lastDone, a.status, a.source])).toEqual([['compat-run', '2026-03-25', 'ok', 'the compatibility results of 2 consumer(s)']]);
  });

  it('was never done while a consumer has no result', () => {
    const report = evaluateCadence(data, withResults({ a: '2026-03-25' }), ['a', 'b'], '2026-03-28');
    expect(report.activities.map((a) => [a.id, a.status])).toEqual([['compat-run', 'overdue']]);
  });
});
