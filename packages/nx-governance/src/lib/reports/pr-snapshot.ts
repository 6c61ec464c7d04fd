import { EVERY_RESULT, resultsOfCheckout } from '../compat/checkout-results';
import { isCompatSuccess } from '../compat/compat-result';
import { judgeCompatEvidence } from '../compat/judge-compat-evidence';
import { AS_RECORDED, judgeGateEvidence } from '../evidence/judge-gate-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import type { MatrixCell } from '../matrix/compute-matrix';
import { workspaceMatrix } from '../matrix/workspace-matrix';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';

/** One gate's or consumer's standing at one revision. */
export interface Standing {
  result: string;
  passed: boolean;
  /** The evidence file it was read from, when there is one. */
  evidence?: string;
  /** Why it is not a pass, and what to run, when the judgement says. */
  reason?: string;
  fix?: string;
  /** What the record itself said, when there is one and it cannot be judged now: a fail stays a failure, a pass is to run again. */
  recordedPass?: boolean;
}

/**
 * Whose evidence a snapshot reads: the working tree of the checkout at `root` now (judged against the
 * task hashes Nx computes now), or a past revision through git, as it stood then (no checkout: its
 * record chains stayed local).
 */
export type SnapshotCurrency =
  | {
      root: string;
      /** The hashes Nx computes now for the gate tasks, by gate id, and for the consumers' compat tasks, by consumer name. */
      currentHashes: Record<string, string>;
      compatHashes: Record<string, string>;
      unknownHashWhy?: string;
    }
  | { asRecorded: true };

/** A consumer as the snapshot names it: its name, and the project whose compat target makes its results. */
export interface SnapshotConsumer {
  name: string;
  project: string;
  /** The core versions it declares support for: the matrix's conditional tier. */
  supports?: string;
}

/** What the evidence of one revision says: every gate, every consumer, the matrix's tiers. */
export interface EvidenceSnapshot {
  gates: Map<string, Standing>;
  consumers: Map<string, Standing>;
  tiers: Map<string, MatrixCell>;
}

const NONE: Standing = { result: 'no evidence', passed: false };

/** Reads a snapshot through `reader`: the working tree now, or git's objects at the base. */
export function readEvidenceSnapshot(
  reader: FileReader,
  data: GovernanceData,
  consumers: readonly SnapshotConsumer[],
  currency: SnapshotCurrency,
  compatTargetName: string,
): EvidenceSnapshot {
  const gates = new Map<string, Standing>();
  const policy = loadSignaturePolicy(reader, data);
  for (const gate of data.gates?.data.gates ?? []) {
    const currentTaskHash = 'asRecorded' in currency ? AS_RECORDED : currency.currentHashes[gate.id];
    const unknownHashWhy = 'asRecorded' in currency ? undefined : currency.unknownHashWhy;
    // A record made for other inputs is shown as stale with what to run, never as its old result.
    const judgement = judgeGateEvidence({ root: 'asRecorded' in currency ? undefined : currency.root, reader, settings: data.settings, policy, gate: gate.id, currentTaskHash, unknownHashWhy });
    if (judgement.state === 'missing') {
      gates.set(gate.id, NONE);
      continue;
    }
    const { state, reason, file } = judgement;
    const fix = 'fix' in judgement ? judgement.fix : undefined;
    const recorded = 'evidence' in judgement && judgement.evidence ? { recordedPass: judgement.evidence.record.result === 'pass' } : {};
    gates.set(gate.id, { result: state, passed: state === 'pass', evidence: file.replace(/\.json$/, '.md'), ...(state === 'pass' ? {} : { reason, ...recorded }), ...(fix ? { fix } : {}) });
  }
  const standings = new Map<string, Standing>();
  for (const { name, project } of consumers) {
    // The same currency rule as the gates: a result made before the core or the consumer changed is stale, with what to run.
    const judgement = judgeCompatEvidence({
      reader,
      settings: data.settings,
      consumer: name,
      project,
      compatTargetName,
      currentTaskHash: 'asRecorded' in currency ? AS_RECORDED : currency.compatHashes[name],
      ...('asRecorded' in currency || !currency.unknownHashWhy ? {} : { unknownHashWhy: currency.unknownHashWhy }),
    });
    if (judgement.state === 'missing') {
      standings.set(name, NONE);
      continue;
    }
    const passed = judgement.state === 'pass' || judgement.state === 'not-applicable';
    // A failure shows as the judgement's word (fail, stale…): the record's own label (still-failing, regressed) compares with
    // this machine's previous run, which says nothing next to the report's comparison with the base.
    const result = passed && 'record' in judgement ? judgement.record.result : judgement.state;
    const fix = 'fix' in judgement ? judgement.fix : undefined;
    const recorded = 'record' in judgement ? { recordedPass: isCompatSuccess(judgement.record.result) } : {};
    standings.set(name, { result, passed, evidence: judgement.file.replace(/\.json$/, '.md'), ...(passed ? {} : { reason: judgement.reason, ...recorded }), ...(fix && !passed ? { fix } : {}) });
  }
  const tiers = new Map<string, MatrixCell>();
  const matrix = workspaceMatrix(reader, data, consumers, 'asRecorded' in currency ? EVERY_RESULT : resultsOfCheckout(currency.root, data.settings));
  if (matrix) {
    for (const cell of matrix.cells) tiers.set(`${cell.consumer}@${cell.consumerVersion} with ${cell.core}`, cell);
  }
  return { gates, consumers: standings, tiers };
}
