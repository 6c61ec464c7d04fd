import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { defaultGovernanceSettings } from '../schemas/governance';
import type { GateEvidence, GateRecord } from './gate-record';
import { appendGateRecord, listChainFiles, renderTaskCopyMarkdown, taskCopyBase, taskCopyOf, writeTaskEvidence } from './gate-store';
import { taskContextDigest } from './read-evidence';
import { canonicalJson, sha256 } from './seal-record';

const settings = defaultGovernanceSettings();
const GATE = 'VG-STORE-001';
const context = { date: '2026-02-19', milestone: 'M6', task: 'M6-T01' };

function unsealed(result: GateRecord['result'] = 'pass', gate = GATE): Omit<GateRecord, 'sequence' | 'previousDigest'> {
  const at = '2026-02-19T10:00:00.000Z';
  return {
    gate, title: 'Store', kind: 'command', enforcement: 'blocking', owner: 'qa', result, notes: [],
    startedAt: at, finishedAt: at, durationMs: 0,
    git: { commit: 'a'.repeat(40), dirty: false, consumers: {} }, tools: { node: 'v20', steps: {} }, steps: [], criteria: [],
  };
}

describe('gate store', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());
  const folder = () => join(workspace.root, 'evidence/gates', GATE);
  const readJson = (path: string): GateEvidence => JSON.parse(readFileSync(path, 'utf8'));

  it('numbers each record, links it to the previous digest, seals it, and makes it the latest', () => {
    const first = appendGateRecord(workspace.root, settings, unsealed('fail'));
    const second = appendGateRecord(workspace.root, settings, unsealed('pass'));
    expect(first.evidence.record).toMatchObject({ sequence: 1, previousDigest: null, result: 'fail' });
    expect(second.evidence.record).toMatchObject({ sequence: 2, previousDigest: first.evidence.digest, result: 'pass' });
    expect(second.evidence.digest).toBe(sha256(canonicalJson(second.evidence.record)));
    expect(listChainFiles(workspace.root, settings, GATE)).toEqual([
      join(folder(), 'records', `000001-${GATE}.json`),
      join(folder(), 'records', `000002-${GATE}.json`),
    ]);
    expect(second.file).toBe(join(folder(), 'records', `000002-${GATE}.json`));
    expect(readJson(join(folder(), 'latest.json'))).toEqual(second.evidence);
    expect(readFileSync(join(folder(), 'latest.md'), 'utf8')).toBe(readFileSync(join(folder(), 'records', `000002-${GATE}.md`), 'utf8'));
  });

  it('leaves out and then removes the temp files a killed writer left', () => {
    appendGateRecord(workspace.root, settings, unsealed());
    const stray = join(folder(), 'records', `.000002-${GATE}.json.123.tmp`);
    writeFileSync(stray, '{"half":');
    expect(listChainFiles(workspace.root, settings, GATE)).toHaveLength(1);
    appendGateRecord(workspace.root, settings, unsealed());
    expect(existsSync(stray)).toBe(false);
    expect(readdirSync(join(folder(), 'records')).sort()).toEqual([`000001-${GATE}.json`, `000001-${GATE}.md`, `000002-${GATE}.json`, `000002-${GATE}.md`]);
  });

  it('refuses to extend a chain whose newest record was altered', () => {
    const { file } = appendGateRecord(workspace.root, settings, unsealed('fail'));
    const altered = readJson(file);
    altered.record.result = 'pass';
    writeFileSync(file, JSON.stringify(altered, null, 2));
    expect(() => appendGateRecord(workspace.root, settings, unsealed())).toThrow(
      new RegExp(`^evidence/gates/${GATE}/records/000001-${GATE}\\.json: .*the chain cannot be extended until verify-evidence passes$`),
    );
    expect(listChainFiles(workspace.root, settings, GATE)).toHaveLength(1);
  });

  it('refuses a gate id that would write outside the workspace', () => {
    expect(() => appendGateRecord(workspace.root, settings, unsealed('pass', '../../../escaped'))).toThrow(/found a path that leaves the workspace/);
    expect(existsSync(join(workspace.root, '..', 'escaped'))).toBe(false);
  });

  it('writes a task copy where the evidence pattern says, under the day its gate ran, once per record, and never overwrites one', () => {
    const { evidence } = appendGateRecord(workspace.root, settings, unsealed());
    const base = taskCopyBase(settings, GATE, context);
    expect(base).toBe(`evidence/2026-02-19/milestone-M6/M6-T01-${GATE}`);
    const task = { milestone: context.milestone, task: context.task };
    // The same record for the same task: one copy, however many runs file it.
    const again = [1, 2, 3].map(() => writeTaskEvidence(workspace.root, settings, evidence, task));
    expect(again).toEqual([1, 2, 3].map(() => join(workspace.root, `${base}.md`)));
    // A newer record the same day: a copy of its own beside the first.
    const { evidence: newer } = appendGateRecord(workspace.root, settings, unsealed('fail'));
    expect(writeTaskEvidence(workspace.root, settings, newer, task)).toBe(join(workspace.root, `${base}-r2.md`));
    const copy = JSON.parse(readFileSync(join(workspace.root, `${base}-r2.json`), 'utf8'));
    expect(copy).toEqual(taskCopyOf(newer, context));
    expect(copy).toMatchObject({ kind: 'nx-governance/task-evidence', digest: newer.digest, contextDigest: taskContextDigest(context, newer.digest) });
    expect(readFileSync(join(workspace.root, `${base}-r2.md`), 'utf8')).toBe(renderTaskCopyMarkdown(copy));
    expect(JSON.parse(readFileSync(join(workspace.root, `${base}.json`), 'utf8')).digest).toBe(evidence.digest);
  });
});
