import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { type AnchorEntry, type ChainEntry, chainLinkProblems, isAnchorFile, splitAtAnchor } from './chain-anchor';
import { gateLatestFile, gateRecordsFolder } from './evidence-layout';
import type { GateEvidence } from './gate-record';
import { latestPlaceProblem } from './latest-in-chain';
import { DIGEST_ONLY, readEvidenceOfKind } from './read-evidence';
import type { SignaturePolicyResult } from './signature-policy';

/**
 * Whether a gate's evidence counts as a pass now, and if not, why: the one
 * judgement every reader (the aggregate, run or restored, release-readiness,
 * rollback-check, report, cadence, the matrix, compat-query, verify-evidence)
 * asks, so they can never disagree. Design: docs/design/evidence-judgement.md.
 *
 * | state       | when                                                                        |
 * |-------------|-----------------------------------------------------------------------------|
 * | `missing`   | the gate has no latest record                                               |
 * | `untrusted` | the keys do not load, or the record is not the gate's own, does not match  |
 * |             | its digest, is unsigned or signed by no trusted key where the policy        |
 * |             | requires signatures, or is not the head of a whole chain                    |
 * | `unknown`   | the record is trusted but Nx could not say what the gate's task hash is now |
 * | `stale`     | the record was made for another task hash: the gate's inputs changed since  |
 * | `pass`, `fail`, `blocked`, `pending` | the record's own result (`interrupted` is `fail`)  |
 *
 * Only `pass` is a pass; `unknown` never is.
 */
export type GateJudgement =
  | { state: 'pass'; gate: string; reason: string; evidence: GateEvidence; file: string }
  | { state: 'fail' | 'blocked' | 'pending'; gate: string; reason: string; fix?: string; evidence: GateEvidence; file: string }
  | { state: 'stale' | 'unknown'; gate: string; reason: string; fix: string; evidence: GateEvidence; file: string }
  | { state: 'untrusted'; gate: string; reason: string; fix: string; evidence?: GateEvidence; file: string }
  | { state: 'missing'; gate: string; reason: string; fix: string; file: string };

export type GateJudgementState = GateJudgement['state'];

export const GATE_JUDGEMENT_STATES: readonly GateJudgementState[] = ['pass', 'fail', 'stale', 'untrusted', 'pending', 'blocked', 'missing', 'unknown'];

/** See `GateEvidenceQuestion.currentTaskHash`. */
export const AS_RECORDED = Symbol('as recorded');

export interface GateEvidenceQuestion {
  /**
   * The checkout whose files `reader` reads: a latest record made in this checkout
   * must have its chain here. Undefined when `reader` reads a git revision (the
   * report's base): chains stay local under the evidence policy, so a revision
   * without one says nothing of a deletion.
   */
  root: string | undefined;
  reader: FileReader;
  settings: Pick<GovernanceSettings, 'paths' | 'projectName'>;
  /** From `loadSignaturePolicy`, once per command, with the governance in use. */
  policy: SignaturePolicyResult;
  gate: string;
  /**
   * The Nx task hash of the gate's target now; undefined when Nx could not say.
   * `AS_RECORDED` judges what a past revision's evidence said then (the report's
   * base), for which no hash can be computed now: trust and chain only.
   */
  currentTaskHash: string | undefined | typeof AS_RECORDED;
  /** Why the current hash is not known, for the reason of an `unknown`. */
  unknownHashWhy?: string;
}

/** Signatures are judged on `latest` alone: a chain begun before a key was committed still counts, its links checked by digest. */
const LINKS_ONLY = DIGEST_ONLY;

/** Judges the gate's latest record: trusted, the head of a whole chain, current, then its result. */
export function judgeGateEvidence(question: GateEvidenceQuestion): GateJudgement {
  const { reader, settings, gate, policy } = question;
  const file = gateLatestFile(settings, gate);
  const run = `nx run ${settings.projectName}:${gate}`;
  const verify = `nx run ${settings.projectName}:verify-evidence`;
  if (!policy.ok) return { state: 'untrusted', gate, file, reason: `the trusted keys do not load: ${policy.errors.join('; ')}`, fix: 'fix or remove the key file(s) named' };
  const latest = readEvidenceOfKind(reader, file, policy.policy, 'nx-governance/gate-evidence');
  if (!latest.ok && latest.problem === 'missing') return { state: 'missing', gate, file, reason: 'no evidence: the gate has no record', fix: run };
  if (!latest.ok) {
    const evidence = trustedOnlyForLinks(reader, file);
    return { state: 'untrusted', gate, file, reason: `${latest.problem}: ${latest.message}`, fix: `${verify}, then ${run}`, ...(evidence ? { evidence } : {}) };
  }
  const evidence = latest.value;
  const { record } = evidence;
  if (record.gate !== gate) {
    return { state: 'untrusted', gate, file, evidence, reason: `misplaced: record.gate: found ${record.gate}, expected ${gate} (the gate whose folder holds it)`, fix: run };
  }
  const chainProblem = chainProblemOf(question, { file, evidence });
  if (chainProblem) return { state: 'untrusted', gate, file, evidence, reason: `not the head of a whole chain: ${chainProblem}`, fix: `${verify}, then ${run}` };
  const made = `record ${record.sequence} (${record.result}, from ${record.git.commit?.slice(0, 12) ?? 'an unknown commit'})`;
  const notes = record.notes.length ? `: ${record.notes.join('; ')}` : '';
  if (question.currentTaskHash === undefined) {
    const why = question.unknownHashWhy ?? 'Nx did not say what the gate task hashes to now';
    return { state: 'unknown', gate, file, evidence, reason: `${made} cannot be tied to the inputs as they are now (${why})${notes}`, fix: run };
  }
  const stale = question.currentTaskHash === AS_RECORDED ? undefined : staleness(record, question.currentTaskHash);
  if (stale) return { state: 'stale', gate, file, evidence, reason: `${made} is stale: ${stale}`, fix: run };
  const state = stateOfResult(record.result);
  // The state already says the result: the reason is the record's own words (and `interrupted` where that became `fail`).
  const words = record.notes.join('; ');
  const reason = state === record.result ? words : `${record.result}${notes}`;
  if (state === 'pass') return { state, gate, file, evidence, reason };
  return { state, gate, file, evidence, reason, ...(state === 'fail' ? { fix: run } : {}) };
}

/** The record behind an untrusted latest when its only fault is its signature, so a reader can still show what it claims. */
function trustedOnlyForLinks(reader: FileReader, file: string): GateEvidence | undefined {
  const read = readEvidenceOfKind(reader, file, LINKS_ONLY, 'nx-governance/gate-evidence');
  return read.ok ? read.value : undefined;
}

/** What keeps `latest` from being the head of a whole chain, in words, or undefined. */
function chainProblemOf({ root, reader, settings, gate, currentTaskHash }: GateEvidenceQuestion, latest: { file: string; evidence: GateEvidence }): string | undefined {
  const entries: ChainEntry[] = [];
  const anchors: AnchorEntry[] = [];
  for (const file of reader.list(gateRecordsFolder(settings, gate), '.json')) {
    if (isAnchorFile(file)) {
      const anchor = readEvidenceOfKind(reader, file, LINKS_ONLY, 'nx-governance/chain-anchor');
      if (!anchor.ok) return `${file}: ${anchor.problem}: ${anchor.message}`;
      if (anchor.value.gate !== gate) return `${file}: gate: found an anchor of ${anchor.value.gate}, expected one of ${gate}`;
      anchors.push({ file, anchor: anchor.value });
      continue;
    }
    if (!/\/\d{6}-[^/]*\.json$/.test(file)) continue;
    const read = readEvidenceOfKind(reader, file, LINKS_ONLY, 'nx-governance/gate-evidence');
    if (!read.ok) return `${file}: ${read.problem}: ${read.message}`;
    if (read.value.record.gate !== gate) return `${file}: record.gate: found ${read.value.record.gate}, expected ${gate}`;
    entries.push({ file, evidence: read.value });
  }
  const split = splitAtAnchor(entries, anchors);
  const link = chainLinkProblems(gate, split)[0];
  if (link) return `${link.file}: ${link.message}`;
  const place = latestPlaceProblem(root, split, latest, currentTaskHash === AS_RECORDED ? latest.evidence.record.taskHash : currentTaskHash);
  return place && `${place.file}: ${place.message}`;
}

/** Whether a judgement lets a gate count as passed: only `pass`, and an advisory gate's finding never blocks. */
export function judgementBlocks(judgement: GateJudgement, enforcement: 'blocking' | 'advisory'): boolean {
  return enforcement === 'blocking' && judgement.state !== 'pass';
}

/** One line for tables and logs: the state, the reason and, when there is one, what to run. */
export function describeJudgement(judgement: GateJudgement): string {
  return `${judgement.state}: ${judgementWords(judgement)}`;
}

/** The reason and, when there is one, what to run: for places that show the state beside it. */
export function judgementWords(judgement: GateJudgement): string {
  const fix = 'fix' in judgement && judgement.fix ? ` (run: ${judgement.fix})` : '';
  return `${judgement.reason}${fix}`;
}

/** What a trusted, current record's result means: only `pass` passes; a run that was interrupted failed. */
export function stateOfResult(result: GateEvidence['record']['result']): 'pass' | 'fail' | 'blocked' | 'pending' {
  return result === 'interrupted' ? 'fail' : result;
}

/**
 * The currency rule, the one place it is written: a record is current when its
 * Nx task hash is the one Nx computes for the gate's task now. Returns why it
 * is not, or undefined when it is.
 */
export function staleness(record: { taskHash?: string }, currentTaskHash: string, whose = "the gate's inputs"): string | undefined {
  if (record.taskHash === currentTaskHash) return undefined;
  const recorded = record.taskHash ? `Nx task hash ${record.taskHash.slice(0, 12)}` : 'no Nx task hash';
  return `made for ${recorded}, but ${whose} now hash to ${currentTaskHash.slice(0, 12)}`;
}

/** The record a judgement stands on when it is trusted and current (its result is the gate's result now), else undefined. */
export function judgedRecord(judgement: GateJudgement): GateEvidence | undefined {
  return judgement.state === 'pass' || judgement.state === 'fail' || judgement.state === 'blocked' || judgement.state === 'pending' ? judgement.evidence : undefined;
}
