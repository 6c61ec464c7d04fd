import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluateCadence } from '../cadence/evaluate-cadence';
import { readEvidenceHistory } from '../cadence/read-evidence-history';
import { resolveConsumers } from '../consumers/resolve-consumers';
import { renderedDocuments, MATRIX_FILE } from '../docs/rendered-documents';
import { writeSealedRecord } from '../evidence/write-sealed-record';
import { renderRollbackMarkdown, type RollbackDecision } from '../rollback/rollback-decision';
import { bundledPageWorkspace } from '../../test-helpers/bundled-page-workspace';
import type { PageModel } from './page-model';

const GATES = ['VG-COMPAT-001', 'VG-CONTRACT-001', 'VG-GOVERNANCE-001', 'VG-LOOP-BUILD-001', 'VG-LOOP-CONTRACT-001', 'VG-LOOP-TEST-001'];

describe('buildPageModel', () => {
  const { root, cleanup, reader, load, build: buildWith } = bundledPageWorkspace();
  afterAll(cleanup);
  const recordedHashes = () => Object.fromEntries(GATES.map((g) => [g, JSON.parse(readFileSync(join(root, `evidence/gates/${g}/latest.json`), 'utf8')).record.taskHash as string]));
  const build = (hashes: Record<string, string> | 'none' = recordedHashes()): PageModel => buildWith(hashes === 'none' ? undefined : hashes);

  it('holds the matrix the rendered matrix JSON holds and the cadence the cadence report holds', () => {
    const data = load();
    const model = build();
    const matrixJson = renderedDocuments(reader, data).find((d) => d.path.endsWith(MATRIX_FILE.replace(/\.md$/, '.json')))!;
    expect(model.matrix).toEqual(JSON.parse(matrixJson.content));
    const names = resolveConsumers(reader, data).map((c) => c.name);
    expect(model.cadence).toEqual(evaluateCadence(data, readEvidenceHistory(reader, data, names, { root, hashes: recordedHashes() }), names, '2026-12-01'));
  });

  it('gives each gate of each release class its state, age, owner and evidence', () => {
    const model = build();
    const r2 = model.releaseClasses.find((c) => c.id === 'R2')!;
    expect(r2.isDefault).toBe(true);
    const governance = r2.gates.find((g) => g.id === 'VG-GOVERNANCE-001')!;
    expect(governance).toMatchObject({ state: 'pass', ageDays: 5, evidence: 'evidence/gates/VG-GOVERNANCE-001/latest.md', owner: expect.stringContaining('Release manager') });
  });

  it('is stale when the task hash moved, unknown without hashes, untrusted when tampered, missing without a record', () => {
    expect(build({ ...recordedHashes(), 'VG-LOOP-BUILD-001': 'another' }).releaseClasses[1].gates.find((g) => g.id === 'VG-LOOP-BUILD-001')?.state).toBe('stale');
    expect(build('none').releaseClasses[0].gates[0]).toMatchObject({ state: 'unknown', reason: expect.stringContaining('could not compute') });
    const file = join(root, 'evidence/gates/VG-LOOP-TEST-001/latest.json');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('"result": "pass"', '"result": "fail"'));
    try {
      expect(build().releaseClasses[1].gates.find((g) => g.id === 'VG-LOOP-TEST-001')).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('digest') });
    } finally {
      writeFileSync(file, original);
    }
    const r3 = build().releaseClasses.find((c) => c.id === 'R3')!;
    expect(r3.gates.filter((g) => g.state === 'missing').map((g) => g.id)).toEqual(r3.gates.filter((g) => !GATES.includes(g.id)).map((g) => g.id));
  });

  it('shows each rollback trigger as the newest sealed decision left it, and never checked before one', () => {
    expect(build().rollback.triggers.every((t) => t.state === 'never checked')).toBe(true);
    const playbook = load().playbook!.data;
    const decision = (decidedAt: string, state: 'clear' | 'fired'): RollbackDecision => ({
      kind: 'nx-governance/rollback-decision',
      decidedAt,
      candidate: { rev: 'HEAD', commit: 'c'.repeat(40) },
      baseline: { rev: 'v0.4.0', commit: 'b'.repeat(40) },
      triggers: playbook.rollbackTriggers.map((t) => ({ id: t.id, kind: t.kind, state, reason: `${state} for the test`, evidence: [] })),
      verdict: state === 'fired' ? 'roll-back' : 'no-rollback',
      reason: state,
      rollback: state === 'fired',
      procedure: [],
    });
    writeSealedRecord(root, 'evidence/rollback', 'older', decision('2026-11-01T00:00:00.000Z', 'fired'), renderRollbackMarkdown);
    writeSealedRecord(root, 'evidence/rollback', 'newer', decision('2026-11-02T00:00:00.000Z', 'clear'), renderRollbackMarkdown);
    const { rollback } = build();
    expect(rollback.decision).toMatchObject({ verdict: 'no-rollback', file: 'evidence/rollback/newer.md' });
    expect(rollback.triggers.map((t) => t.state)).toEqual(playbook.rollbackTriggers.map(() => 'clear'));
  });

  it('lists each consumer’s runs from the local history, and the active milestone’s cards with their gates’ states', () => {
    const model = build();
    expect(model.timelines.map((t) => [t.consumer, t.total, t.runs.map((r) => r.result)])).toEqual([
      ['io-rflx', 1, ['pass']],
      ['loop-agent', 1, ['pass']],
      ['rlm-claude-code', 1, ['pass']],
    ]);
    expect(model.milestone).toMatchObject({ id: 'M6', active: false });
    const cards = model.milestone?.cards ?? [];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) for (const gate of card.requiredGates) expect(gate.state).toBe(GATES.includes(gate.id) ? 'pass' : 'missing');
  });
});
