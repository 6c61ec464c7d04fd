import { addDays } from '../dates';
import { describeInterval } from '../docs/render-cadence';
import type { CompatRecord } from '../compat/compat-result';
import { describeJudgement, type GateJudgement } from '../evidence/judge-gate-evidence';
import { type ImportedEvidenceIndex, passingImportedEvidence } from '../evidence/imported-evidence-index';
import type { CadenceFile } from '../schemas/cadence';
import type { GovernanceData } from '../workspace/load-governance';

export type CadenceStatus = 'ok' | 'due soon' | 'overdue' | 'on event';

export interface ActivityReport {
  id: string;
  title: string;
  owner: string;
  interval: string;
  lastDone?: string;
  nextDue?: string;
  status: CadenceStatus;
  source: string;
}

export interface CadenceReport {
  asOf: string;
  activities: ActivityReport[];
  drift: string[];
}

/** What the evidence history says about each gate, consumer and attestation, read once. */
export interface EvidenceHistory {
  /** Finish dates of every record of a gate, and of its attestations. */
  gateDates: Map<string, string[]>;
  /** Each gate's latest evidence as judgeGateEvidence judged it now: only `pass` counts. */
  latestGate: Map<string, GateJudgement>;
  latestCompat: Map<string, CompatRecord>;
  /** Evidence files that existed before the plugin, indexed by `import`: unsealed, so always labelled as imported. */
  imported?: ImportedEvidenceIndex;
  /** Why the imported evidence index could not be read, when it could not. */
  importedProblem?: string;
}

const NAMED_DAYS: Record<string, number> = { weekly: 7, monthly: 30, quarterly: 91 };

function intervalDays(interval: CadenceFile['activities'][number]['interval']): number | undefined {
  return typeof interval === 'object' ? interval.days : NAMED_DAYS[interval];
}

/**
 * Each recurring activity with its last time done (from the newest evidence
 * or attestation of its gate), next due date and status as of `asOf`, and the
 * drift the evidence shows.
 */
export function evaluateCadence(data: GovernanceData, history: EvidenceHistory, consumers: string[], asOf: string): CadenceReport {
  const activities = (data.cadence?.data.activities ?? []).map((activity): ActivityReport => {
    const base = { id: activity.id, title: activity.title, owner: activity.owner, interval: describeInterval(activity.interval, activity.changeKind) };
    const dates = activity.gate ? (history.gateDates.get(activity.gate) ?? []).filter((d) => d <= asOf) : [];
    // Compat results record a run of every consumer: it was last done when the consumer run longest ago last ran.
    if (activity.evidence === 'compat-results') dates.push(...compatRunDates(history, consumers, asOf));
    const sealedLastDone = dates.sort().pop();
    const imported = activity.gate ? newestImportedPass(history, activity.gate, asOf) : undefined;
    const fromImport = imported?.date !== undefined && (sealedLastDone === undefined || imported.date > sealedLastDone);
    const lastDone = fromImport ? imported?.date : sealedLastDone;
    const source = activity.evidence === 'compat-results'
      ? `the compatibility results of ${consumers.length} consumer(s)`
      : !activity.gate
      ? 'no gate: record it with an attestation'
      : fromImport
        ? `imported evidence of ${activity.gate} (${imported?.file})`
        : `evidence of ${activity.gate}`;
    const days = intervalDays(activity.interval);
    if (days === undefined) return { ...base, ...(lastDone ? { lastDone } : {}), status: 'on event', source };
    if (!lastDone) return { ...base, status: 'overdue', source: `${source}; never done` };
    const nextDue = addDays(lastDone, days);
    const soon = addDays(asOf, Math.max(1, Math.round(days / 5)));
    return { ...base, lastDone, nextDue, status: nextDue < asOf ? 'overdue' : nextDue <= soon ? 'due soon' : 'ok', source };
  });
  const drift = findDrift(data, history, consumers, asOf);
  if (history.importedProblem) drift.unshift(`the imported evidence index is unreadable, so imported evidence was not used: ${history.importedProblem}`);
  return { asOf, activities, drift };
}

/** The day every consumer had a compatibility result (the oldest of their newest), when each has one. */
function compatRunDates(history: EvidenceHistory, consumers: string[], asOf: string): string[] {
  const newest = consumers.map((consumer) => history.latestCompat.get(consumer)?.finishedAt.slice(0, 10));
  if (consumers.length === 0 || newest.some((date) => date === undefined || date > asOf)) return [];
  return [(newest as string[]).sort()[0]];
}

function newestImportedPass(history: EvidenceHistory, gate: string, asOf: string) {
  const passes = (history.imported?.entries ?? []).filter((e) => e.gates.includes(gate) && e.result === 'pass' && e.date !== undefined && e.date <= asOf);
  return passes.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '')).pop();
}

/** Sealed evidence first; imported evidence of the gate for this card (or for no card) counts too. */
function hasPassingEvidence(history: EvidenceHistory, gate: string, task: string): boolean {
  if (history.latestGate.get(gate)?.state === 'pass') return true;
  return history.imported !== undefined && passingImportedEvidence(history.imported, gate, task).length > 0;
}

/** Why a gate's sealed evidence does not count, in the judgement's words. */
function whyNotPassing(history: EvidenceHistory, gate: string): string {
  const judgement = history.latestGate.get(gate);
  return judgement ? `${gate} (${describeJudgement(judgement)})` : `${gate} (missing: no evidence)`;
}

function findDrift(data: GovernanceData, history: EvidenceHistory, consumers: string[], asOf: string): string[] {
  const drift: string[] = [];
  const compatEvery = data.cadence?.data.activities.find((a) => a.gate && data.gates?.data.gates.some((g) => g.id === a.gate && g.kind === 'command' && g.steps.some((s) => 'target' in s && s.target.endsWith(':compat'))));
  const compatDays = compatEvery ? intervalDays(compatEvery.interval) : undefined;
  for (const consumer of consumers) {
    const latest = history.latestCompat.get(consumer);
    if (!latest) drift.push(`consumer ${consumer} has no compatibility result`);
    else if (compatDays && addDays(latest.finishedAt.slice(0, 10), compatDays) < asOf) {
      drift.push(`compatibility result of ${consumer} is from ${latest.finishedAt.slice(0, 10)}, older than its ${compatEvery!.id} cadence (${compatDays} days)`);
    }
  }
  for (const notice of data.compatibility?.data.deprecations ?? []) {
    if (notice.removal < asOf) drift.push(`deprecation ${notice.id} passed its removal date ${notice.removal} and is still listed`);
  }
  const required = new Set(data.milestones.flatMap((m) => m.taskCards.flatMap((c) => c.requiredGates)));
  for (const gate of data.gates?.data.gates ?? []) if (!required.has(gate.id)) drift.push(`gate ${gate.id} is required by no task card`);
  for (const milestone of data.milestones) {
    for (const card of milestone.taskCards) {
      if (card.status?.value !== 'done') continue;
      const missing = card.requiredGates.filter((g) => !hasPassingEvidence(history, g, card.id));
      if (missing.length) drift.push(`task ${card.id} is done without passing evidence for ${missing.map((g) => whyNotPassing(history, g)).join(', ')}`);
    }
  }
  return drift;
}
