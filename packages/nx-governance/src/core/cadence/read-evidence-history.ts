import type { CompatRecord } from '../compat/compat-result';
import type { GateEvidence } from '../evidence/gate-record';
import { gateEvidenceFolder } from '../evidence/gate-store';
import { readLatestGateEvidenceFrom } from '../evidence/read-gate-evidence';
import { loadImportedEvidence } from '../evidence/imported-evidence-index';
import { posix } from 'node:path';
import { attestationFolder } from '../gates/attestation';
import { readCompatResults } from '../matrix/read-compat-results';
import type { GovernanceData } from '../workspace/load-governance';
import type { FileReader } from '../workspace/file-reader';
import type { EvidenceHistory } from './evaluate-cadence';

/** The dates and latest results the cadence needs, from the evidence folder. */
export function readEvidenceHistory(reader: FileReader, data: GovernanceData, consumers: string[]): EvidenceHistory {
  const gateDates = new Map<string, string[]>();
  const latestGate = new Map<string, GateEvidence>();
  const parse = <T>(file: string): T | undefined => {
    try {
      return JSON.parse(reader.read(file) ?? '') as T;
    } catch {
      return undefined;
    }
  };
  for (const gate of data.gates?.data.gates ?? []) {
    const dates: string[] = [];
    for (const file of reader.list(`${gateEvidenceFolder(data.settings, gate.id)}/records`, '.json')) {
      const evidence = parse<GateEvidence>(file);
      if (evidence?.record?.result === 'pass') dates.push(evidence.record.finishedAt.slice(0, 10));
    }
    for (const file of reader.list(attestationFolder(data.settings, gate.id), '.json')) {
      const at = parse<{ at?: string }>(file)?.at;
      if (at) dates.push(at.slice(0, 10));
    }
    gateDates.set(gate.id, dates);
    const latest = readLatestGateEvidenceFrom(reader, data.settings, gate.id);
    if (latest) latestGate.set(gate.id, latest);
  }
  const latestCompat = new Map<string, CompatRecord>();
  for (const { record } of readCompatResults(reader, data.settings, consumers)) {
    const current = latestCompat.get(record.consumer);
    if (!current || current.finishedAt < record.finishedAt) latestCompat.set(record.consumer, record);
  }
  const imported = loadImportedEvidence(reader, posix.dirname(data.settingsFile));
  return { gateDates, latestGate, latestCompat, ...(imported.ok ? { imported: imported.index } : { importedProblem: imported.reason }) };
}
