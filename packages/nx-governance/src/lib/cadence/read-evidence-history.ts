import type { CompatRecord } from '../compat/compat-result';
import { loadImportedEvidence } from '../evidence/imported-evidence-index';
import { posix } from 'node:path';
import { attestationsFolder } from '../evidence/evidence-layout';
import { DIGEST_ONLY, readEvidenceOfKind } from '../evidence/read-evidence';
import { judgeGateEvidence, type GateJudgement } from '../evidence/judge-gate-evidence';
import { readGateChain } from '../evidence/read-gate-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import type { StoredCompatResult } from '../matrix/compute-matrix';
import { readCompatResults } from '../matrix/read-compat-results';
import type { GovernanceData } from '../workspace/load-governance';
import type { FileReader } from '../workspace/file-reader';
import type { EvidenceHistory } from './evaluate-cadence';

/** The gates' task hashes now (the currency rule), with where the evidence is: what judgeGateEvidence needs. */
export interface CurrentGateHashes {
  root: string;
  hashes: Record<string, string>;
}

/** The dates and latest results the cadence needs, from the evidence folder; each gate's latest record judged now. */
export function readEvidenceHistory(
  reader: FileReader,
  data: GovernanceData,
  consumers: string[],
  current: CurrentGateHashes,
  /** The consumers' results when the caller has read them already (the page reads them once for the matrix too). */
  compatResults?: StoredCompatResult[],
): EvidenceHistory {
  const gateDates = new Map<string, string[]>();
  const latestGate = new Map<string, GateJudgement>();
  const loaded = loadSignaturePolicy(reader, data);
  // A broken key file: no evidence can be trusted, so nothing counts as done (verify-evidence names the file).
  if (!loaded.ok) return { gateDates, latestGate, latestCompat: new Map() };
  const { policy } = loaded;
  for (const gate of data.gates?.data.gates ?? []) {
    const dates: string[] = [];
    for (const read of readGateChain(reader, data.settings, gate.id, policy)) {
      // A manual gate was done when a person attested, not when the gate target last re-recorded that attestation.
      if (read.ok && read.value.record.result === 'pass') dates.push((read.value.record.attestation?.at ?? read.value.record.finishedAt).slice(0, 10));
    }
    for (const file of reader.list(attestationsFolder(data.settings, gate.id), '.json')) {
      const read = readEvidenceOfKind(reader, file, DIGEST_ONLY, 'nx-governance/attestation');
      if (read.ok) dates.push(read.value.at.slice(0, 10));
    }
    gateDates.set(gate.id, dates);
    latestGate.set(gate.id, judgeGateEvidence({ root: current.root, reader, settings: data.settings, policy: loaded, gate: gate.id, currentTaskHash: current.hashes[gate.id] }));
  }
  const latestCompat = new Map<string, CompatRecord>();
  for (const { record } of compatResults ?? readCompatResults(reader, data.settings, consumers)) {
    const current = latestCompat.get(record.consumer);
    if (!current || current.finishedAt < record.finishedAt) latestCompat.set(record.consumer, record);
  }
  const imported = loadImportedEvidence(reader, posix.dirname(data.settingsFile));
  return { gateDates, latestGate, latestCompat, ...(imported.ok ? { imported: imported.index } : { importedProblem: imported.reason }) };
}
