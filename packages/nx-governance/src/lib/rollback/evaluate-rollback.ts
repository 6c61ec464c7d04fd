import { notInWorkspace, statedConsumers } from '../consumers/resolve-consumers';
import { compatVerdict } from '../compat/compat-result';
import { boundsProblems, readMetricValue, regression } from '../gates/metrics';
import type { Gate } from '../schemas/gates';
import type { GovernanceData } from '../workspace/load-governance';
import type { RollbackTrigger } from '../schemas/playbook';
import { stateOfResult } from '../evidence/judge-gate-evidence';
import { compatResultsAt, gateEvidenceAt } from '../release/evidence-for-commit';

export type TriggerState = 'fired' | 'clear' | 'inconclusive';

export interface TriggerResult {
  id: string;
  kind: RollbackTrigger['kind'];
  state: TriggerState;
  reason: string;
  evidence: string[];
}

export interface RollbackInput {
  root: string;
  governance: Pick<GovernanceData, 'settings' | 'settingsFile' | 'compatibility' | 'consumerFiles'>;
  gates: Gate[];
  consumers: string[];
  candidate: { rev: string; commit: string; coreCommit?: string };
  baseline: { rev: string; commit: string };
}

/** Every trigger judged from evidence: fired, clear, or inconclusive when a side has none. */
export function evaluateRollbackTriggers(triggers: RollbackTrigger[], input: RollbackInput): TriggerResult[] {
  return triggers.map((trigger) => {
    const base = { id: trigger.id, kind: trigger.kind };
    switch (trigger.kind) {
      case 'functional':
        return { ...base, ...functional(trigger.gates, input) };
      case 'compatibility':
        return { ...base, ...compatibility(input) };
      case 'performance':
        return { ...base, ...performance(trigger, input) };
      case 'metric':
        return { ...base, ...metric(trigger, input) };
      case 'other':
        return { ...base, state: 'inconclusive', reason: `no evidence can judge "${trigger.description}" yet; judge it by hand`, evidence: [] };
    }
  });
}

type Judgement = Omit<TriggerResult, 'id' | 'kind'>;

function functional(gates: string[], { root, governance, candidate }: RollbackInput): Judgement {
  const read = gates.map((gate) => gateEvidenceAt(root, governance, gate, candidate.commit));
  const broken = read.flatMap((r) => (r.ok ? [] : r.errors));
  // Evidence altered after the fact cannot clear a release: it is a reason to roll back until it verifies.
  if (broken.length) return { state: 'fired', reason: `evidence does not verify: ${broken.join('; ')}`, evidence: broken };
  // The record made at the candidate commit, read under the signature policy, its result as judgeGateEvidence reads one.
  const found = read.flatMap((r, i) => (r.ok && r.evidence ? [{ gate: gates[i], result: stateOfResult(r.evidence.record.result), digest: r.evidence.digest }] : []));
  const failed = found.filter((f) => f.result !== 'pass');
  const evidence = found.map((f) => `${f.gate}: ${f.result} (sha256 ${f.digest.slice(0, 12)})`);
  if (failed.length) return { state: 'fired', reason: `${failed.map((f) => `${f.gate} ${f.result}`).join(', ')} for ${candidate.rev}`, evidence };
  const missing = gates.filter((gate) => !found.some((f) => f.gate === gate));
  if (missing.length) return { state: 'inconclusive', reason: `no evidence of ${missing.join(', ')} for ${candidate.rev}`, evidence };
  return { state: 'clear', reason: `${gates.join(', ')} passed for ${candidate.rev}`, evidence };
}

function compatibility({ root, governance, consumers, candidate }: RollbackInput): Judgement {
  const stated = statedConsumers(governance);
  if (!consumers.length && !stated.length) return { state: 'clear', reason: 'no consumer is declared, so none can regress', evidence: [] };
  if (!candidate.coreCommit) return { state: 'inconclusive', reason: 'the core has no folder to find its commit', evidence: [] };
  const results = compatResultsAt(root, governance.settings, consumers, candidate.coreCommit);
  const evidence = [...results.values()].map((r) => `${r.consumer}: ${r.result} (sha256 ${r.digest.slice(0, 12)})`);
  const verdictOf = (consumer: string) => {
    const result = results.get(consumer);
    return result ? compatVerdict(result.result) : undefined;
  };
  const regressed = [...results.values()].filter((r) => compatVerdict(r.result) === 'fail');
  if (regressed.length) return { state: 'fired', reason: `${regressed.map((r) => `${r.consumer} ${r.result}`).join(', ')} against core ${candidate.coreCommit.slice(0, 12)}`, evidence };
  if (stated.length) return { state: 'inconclusive', reason: stated.map(notInWorkspace).join('; '), evidence };
  const missing = consumers.filter((c) => verdictOf(c) !== 'pass');
  if (missing.length) return { state: 'inconclusive', reason: `no passing or failing result for ${missing.join(', ')} against core ${candidate.coreCommit.slice(0, 12)}`, evidence };
  return { state: 'clear', reason: `every consumer passes against core ${candidate.coreCommit.slice(0, 12)}`, evidence };
}

function performance(trigger: Extract<RollbackTrigger, { kind: 'performance' }>, input: RollbackInput): Judgement {
  const { gate, metric } = trigger;
  if (!gate || !metric) return { state: 'inconclusive', reason: `the trigger names no ${gate ? 'metric' : 'gate'} to read the ${trigger.budgetPercent}% budget from`, evidence: [] };
  return measuredPerformance({ ...trigger, gate, metric }, input);
}

function measuredPerformance(trigger: Extract<RollbackTrigger, { kind: 'performance' }> & { gate: string; metric: string }, { root, governance, gates, candidate, baseline }: RollbackInput): Judgement {
  const gate = gates.find((g) => g.id === trigger.gate);
  const definition = gate?.kind === 'command' ? gate.passCriteria?.metrics?.find((m) => m.name === trigger.metric) : undefined;
  const valueAt = (commit: string) => {
    const read = gateEvidenceAt(root, governance, trigger.gate, commit);
    const evidence = read.ok ? read.evidence : undefined;
    return { evidence, errors: read.ok ? [] : read.errors, value: evidence?.record.criteria.find((c) => c.name === trigger.metric)?.value };
  };
  const now = valueAt(candidate.commit);
  const before = valueAt(baseline.commit);
  const broken = [...now.errors, ...before.errors];
  if (broken.length) return { state: 'fired', reason: `evidence does not verify: ${broken.join('; ')}`, evidence: broken };
  const evidence = [now, before].flatMap((v) => (v.evidence ? [`${trigger.gate} at ${v.evidence.record.git.commit?.slice(0, 12)}: ${trigger.metric} = ${v.value}`] : []));
  if (now.value === undefined || before.value === undefined) {
    const side = now.value === undefined ? `candidate ${candidate.rev}` : `baseline ${baseline.rev}`;
    return { state: 'inconclusive', reason: `no ${trigger.metric} from ${trigger.gate} for the ${side}`, evidence };
  }
  const change = regression(before.value, now.value, definition?.better);
  if (!change.ok) return { state: 'inconclusive', reason: `${trigger.metric} ${before.value} -> ${now.value}: ${change.reason}`, evidence };
  const reason = `${trigger.metric} ${before.value} -> ${now.value} (${change.movement}, budget ${trigger.budgetPercent}%)`;
  return { state: change.percentWorse > trigger.budgetPercent ? 'fired' : 'clear', reason, evidence };
}

function metric(trigger: Extract<RollbackTrigger, { kind: 'metric' }>, { root }: RollbackInput): Judgement {
  const read = readMetricValue(root, trigger.file, trigger.pointer);
  if (!read.ok) return { state: 'inconclusive', reason: read.reason, evidence: [] };
  const found = `${trigger.file}${trigger.pointer} = ${read.value}`;
  if (trigger.min === undefined && trigger.max === undefined) return { state: 'inconclusive', reason: `${found}: the trigger has no min or max to judge it against`, evidence: [trigger.file] };
  const problems = boundsProblems(read.value, trigger);
  const reason = `${found}${problems.length ? `: ${problems.join(', ')}` : ''}`;
  return { state: problems.length ? 'fired' : 'clear', reason, evidence: [trigger.file] };
}
