import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompatClassification } from '../compat/compat-result';
import type { Gate } from '../schemas/gates';
import type { RollbackTrigger } from '../schemas/playbook';
import { rollbackVerdict } from './decide-rollback';
import { evaluateRollbackTriggers, type RollbackInput, type TriggerResult } from './evaluate-rollback';
import { settings, writeCompatEvidence, writeGateEvidence } from '../../test-helpers/release-evidence';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';

const CANDIDATE = 'c'.repeat(40);
const BASELINE = 'b'.repeat(40);
const CORE = 'a'.repeat(40);

describe('evaluateRollbackTriggers', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root: root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());

  const perfGate = { id: 'VG-PERF-001', kind: 'command', passCriteria: { metrics: [{ name: 'latency', file: 'm.json', pointer: '/ms', better: 'lower', max: 100 }] } } as unknown as Gate;
  const input = (): RollbackInput => ({
    root,
    governance: { settings, settingsFile: 'governance/governance.json', consumerFiles: [] },
    gates: [perfGate],
    consumers: ['app', 'lib'],
    candidate: { rev: 'HEAD', commit: CANDIDATE, coreCommit: CORE },
    baseline: { rev: 'v1', commit: BASELINE },
  });
  const judge = (trigger: RollbackTrigger) => evaluateRollbackTriggers([trigger], input())[0];

  describe('triggers the prose names but no evidence can judge yet', () => {
    it('a named trigger of another kind is inconclusive, never clear', () => {
      expect(judge({ id: 'stability', kind: 'other', description: 'crash rate above 1% in the first day' })).toMatchObject({
        state: 'inconclusive',
        reason: 'no evidence can judge "crash rate above 1% in the first day" yet; judge it by hand',
      });
    });

    it('a performance budget without a gate or metric is inconclusive', () => {
      expect(judge({ id: 'performance', kind: 'performance', budgetPercent: 10 })).toMatchObject({ state: 'inconclusive', reason: 'the trigger names no gate to read the 10% budget from' });
      expect(judge({ id: 'performance', kind: 'performance', gate: 'VG-PERF-001', budgetPercent: 10 })).toMatchObject({ state: 'inconclusive', reason: 'the trigger names no metric to read the 10% budget from' });
    });
  });

  describe('functional', () => {
    const trigger: RollbackTrigger = { id: 'functional', kind: 'functional', gates: ['VG-A-001', 'VG-B-001'] };
    it.each<[string, Array<[string, 'pass' | 'fail']>, TriggerResult['state'], RegExp]>([
      ['every gate passed', [['VG-A-001', 'pass'], ['VG-B-001', 'pass']], 'clear', /^VG-A-001, VG-B-001 passed for HEAD$/],
      ['a gate failed', [['VG-A-001', 'pass'], ['VG-B-001', 'fail']], 'fired', /^VG-B-001 fail for HEAD$/],
      ['a gate has no evidence', [['VG-A-001', 'pass']], 'inconclusive', /^no evidence of VG-B-001 for HEAD$/],
    ])('%s', (_name, evidence, state, reason) => {
      for (const [gate, result] of evidence) writeGateEvidence(root, gate, CANDIDATE, result);
      writeGateEvidence(root, 'VG-B-001', BASELINE, 'pass');
      expect(judge(trigger)).toMatchObject({ state, reason: expect.stringMatching(reason) });
    });
  });

  describe('compatibility', () => {
    const trigger: RollbackTrigger = { id: 'compat', kind: 'compatibility' };
    it.each<[string, Array<[string, CompatClassification]>, TriggerResult['state']]>([
      ['both pass or were fixed', [['app', 'pass'], ['lib', 'fixed']], 'clear'],
      ['one regressed', [['app', 'pass'], ['lib', 'regressed']], 'fired'],
      ['one still fails', [['app', 'still-failing'], ['lib', 'pass']], 'fired'],
      ['one run was spurious', [['app', 'pass'], ['lib', 'spurious']], 'inconclusive'],
      ['one was skipped', [['app', 'pass'], ['lib', 'skipped']], 'inconclusive'],
      ['one has no result', [['app', 'pass']], 'inconclusive'],
    ])('%s', (_name, results, state) => {
      for (const [consumer, result] of results) writeCompatEvidence(root, consumer, CORE, result);
      expect(judge(trigger).state).toBe(state);
    });

    it('is clear when no consumer is declared (day one, no core yet): none can regress', () => {
      const [result] = evaluateRollbackTriggers([trigger], { ...input(), consumers: [], candidate: { rev: 'HEAD', commit: CANDIDATE } });
      expect(result).toMatchObject({ state: 'clear', reason: 'no consumer is declared, so none can regress' });
    });

    it('is inconclusive, naming it, when a consumer the compatibility document names is not in this workspace, though every other passes', () => {
      for (const consumer of ['app', 'lib']) writeCompatEvidence(root, consumer, CORE, 'pass');
      const compatibility = {
        file: 'governance/compatibility.json',
        data: { releases: [], consumers: [{ name: 'outside' }], tuples: [], deprecations: [], policy: { supportWindow: { latestMinors: 2 }, minimumTuplesPerConsumer: 0, deprecationLeadTimeDays: 30 } },
      } as unknown as NonNullable<RollbackInput['governance']['compatibility']>;
      const [result] = evaluateRollbackTriggers([trigger], { ...input(), governance: { ...input().governance, compatibility } });
      expect(result).toMatchObject({ state: 'inconclusive', reason: expect.stringContaining('outside is not in this workspace (governance/compatibility.json names it without a project)') });
    });

    it('is inconclusive when consumers are declared and the core has no folder to find its commit', () => {
      const [result] = evaluateRollbackTriggers([trigger], { ...input(), candidate: { rev: 'HEAD', commit: CANDIDATE } });
      expect(result).toMatchObject({ state: 'inconclusive', reason: 'the core has no folder to find its commit' });
    });
  });

  describe('performance', () => {
    const trigger: RollbackTrigger = { id: 'perf', kind: 'performance', gate: 'VG-PERF-001', metric: 'latency', budgetPercent: 10 };
    it.each<[string, number | undefined, number | undefined, TriggerResult['state'], string]>([
      ['within the budget (lower is better)', 100, 105, 'clear', 'latency 100 -> 105 (5.0% worse, budget 10%)'],
      ['over the budget', 100, 130, 'fired', 'latency 100 -> 130 (30.0% worse, budget 10%)'],
      ['better', 100, 50, 'clear', 'latency 100 -> 50 (50.0% better, budget 10%)'],
      ['no candidate value', 100, undefined, 'inconclusive', 'no latency from VG-PERF-001 for the candidate HEAD'],
      ['no baseline value', undefined, 100, 'inconclusive', 'no latency from VG-PERF-001 for the baseline v1'],
      ['a zero baseline', 0, 100, 'inconclusive', 'latency 0 -> 100: the baseline 0 is not a positive number, so no percentage can be taken of it'],
    ])('%s', (_name, before, now, state, reason) => {
      if (before !== undefined) writeGateEvidence(root, 'VG-PERF-001', BASELINE, 'pass', [{ name: 'latency', value: before }]);
      if (now !== undefined) writeGateEvidence(root, 'VG-PERF-001', CANDIDATE, 'pass', [{ name: 'latency', value: now }]);
      expect(judge(trigger)).toMatchObject({ state, reason });
    });
  });

  describe('metric', () => {
    it.each<[string, string | undefined, Partial<Extract<RollbackTrigger, { kind: 'metric' }>>, TriggerResult['state'], string]>([
      ['within its limits', '{"errors": 2}', { max: 5 }, 'clear', 'm.json/errors = 2'],
      ['above its maximum', '{"errors": 9}', { max: 5 }, 'fired', 'm.json/errors = 9: above the maximum 5'],
      ['below its minimum', '{"errors": 0}', { min: 1 }, 'fired', 'm.json/errors = 0: below the minimum 1'],
      ['without limits', '{"errors": 2}', {}, 'inconclusive', 'm.json/errors = 2: the trigger has no min or max to judge it against'],
      ['not a number', '{"errors": "two"}', { max: 5 }, 'inconclusive', 'm.json/errors is not a number (found "two")'],
      ['a missing file', undefined, { max: 5 }, 'inconclusive', 'm.json does not exist'],
    ])('%s', (_name, content, limits, state, reason) => {
      if (content !== undefined) writeFileSync(join(root, 'm.json'), content);
      expect(judge({ id: 'errors', kind: 'metric', file: 'm.json', pointer: '/errors', ...limits })).toMatchObject({ state, reason });
    });
  });
});

describe('rollbackVerdict', () => {
  const trigger = (id: string, state: TriggerResult['state']): TriggerResult => ({ id, kind: 'metric', state, reason: '', evidence: [] });
  it.each<[string, TriggerResult[], string, string]>([
    ['no trigger defined', [], 'inconclusive', 'playbook.json defines no rollback trigger, so nothing says the release is safe'],
    ['every trigger clear', [trigger('a', 'clear'), trigger('b', 'clear')], 'no-rollback', 'every trigger is clear'],
    ['one trigger not judged', [trigger('a', 'clear'), trigger('b', 'inconclusive')], 'inconclusive', 'b could not be judged'],
    ['one fired, one not judged', [trigger('a', 'fired'), trigger('b', 'inconclusive')], 'roll-back', 'a fired'],
  ])('%s', (_name, triggers, verdict, reason) => {
    expect(rollbackVerdict(triggers)).toEqual({ verdict, reason });
  });
});
