import { compatResultFolder } from '../compat/compat-paths';
import { type CompatRecord, isCompatSuccess } from '../compat/compat-result';
import { gateEvidenceFolder } from '../evidence/gate-store';
import { readLatestGateEvidenceFrom } from '../evidence/read-gate-evidence';
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
}

/** What the evidence of one revision says: every gate, every consumer, the matrix's tiers. */
export interface EvidenceSnapshot {
  gates: Map<string, Standing>;
  consumers: Map<string, Standing>;
  tiers: Map<string, MatrixCell>;
}

const NONE: Standing = { result: 'no evidence', passed: false };

/** Reads a snapshot through `reader`: the working tree now, or git's objects at the base. */
export function readEvidenceSnapshot(reader: FileReader, data: GovernanceData, consumers: string[]): EvidenceSnapshot {
  const gates = new Map<string, Standing>();
  for (const gate of data.gates?.data.gates ?? []) {
    const evidence = readLatestGateEvidenceFrom(reader, data.settings, gate.id);
    const file = `${gateEvidenceFolder(data.settings, gate.id)}/latest.md`;
    gates.set(gate.id, evidence ? { result: evidence.record.result, passed: evidence.record.result === 'pass', evidence: file } : NONE);
  }
  const standings = new Map<string, Standing>();
  for (const consumer of consumers) {
    const file = `${compatResultFolder(data.settings, consumer)}/latest.json`;
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
