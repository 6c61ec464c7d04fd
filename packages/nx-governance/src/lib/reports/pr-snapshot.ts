import { type CompatRecord, isCompatSuccess } from '../compat/compat-result';
import { compatFolder } from '../evidence/evidence-layout';
import { AS_RECORDED, judgeGateEvidence } from '../evidence/judge-gate-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import { hasValidDigest } from '../evidence/seal-record';
import { computeMatrix, type MatrixCell } from '../matrix/compute-matrix';
import { readCompatResults } from '../matrix/read-compat-results';
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
}

/**
 * Whose evidence a snapshot reads: the working tree of the checkout at `root` now (judged against the
 * task hashes Nx computes now), or a past revision through git, as it stood then (no checkout: its
 * record chains stayed local).
 */
export type SnapshotCurrency = { root: string; currentHashes: Record<string, string>; unknownHashWhy?: string } | { asRecorded: true };

/** What the evidence of one revision says: every gate, every consumer, the matrix's tiers. */
export interface EvidenceSnapshot {
  gates: Map<string, Standing>;
  consumers: Map<string, Standing>;
  tiers: Map<string, MatrixCell>;
}

const NONE: Standing = { result: 'no evidence', passed: false };

/** Reads a snapshot through `reader`: the working tree now, or git's objects at the base. */
export function readEvidenceSnapshot(reader: FileReader, data: GovernanceData, consumers: string[], currency: SnapshotCurrency): EvidenceSnapshot {
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
    gates.set(gate.id, { result: state, passed: state === 'pass', evidence: file.replace(/\.json$/, '.md'), ...(state === 'pass' ? {} : { reason }), ...(fix ? { fix } : {}) });
  }
  const standings = new Map<string, Standing>();
  for (const consumer of consumers) {
    const file = `${compatFolder(data.settings, consumer)}/latest.json`;
    const record = parseCompat(reader.read(file));
    standings.set(consumer, record ? { result: record.result, passed: isCompatSuccess(record.result), evidence: file.replace(/\.json$/, '.md') } : NONE);
  }
  const tiers = new Map<string, MatrixCell>();
  if (data.compatibility) {
    const matrix = computeMatrix(data.compatibility.data, readCompatResults(reader, data.settings, consumers));
    for (const cell of matrix.cells) tiers.set(`${cell.consumer}@${cell.consumerVersion} with ${cell.core}`, cell);
  }
  return { gates, consumers: standings, tiers };
}

function parseCompat(text: string | undefined): CompatRecord | undefined {
  if (!text) return undefined;
  try {
    const record = JSON.parse(text) as CompatRecord;
    return record.kind === 'nx-governance/compat-result' && hasValidDigest(record) ? record : undefined;
  } catch {
    return undefined;
  }
}
