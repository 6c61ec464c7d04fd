import type { CompatRecord } from '../compat/compat-result';
import type { GateEvidence } from '../evidence/gate-record';
import { listChainFiles, readEvidenceFile } from '../evidence/gate-store';
import { readLatestGateEvidenceFrom } from '../evidence/read-gate-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { readCompatResults } from '../matrix/read-compat-results';

/** The newest record of a gate made at `commit` (from its chain, or its latest copy when there is no chain). */
export function gateEvidenceAt(root: string, settings: GovernanceSettings, gate: string, commit: string): GateEvidence | undefined {
  const records = listChainFiles(root, settings, gate).map((file) => {
    try {
      return readEvidenceFile(file);
    } catch {
      return undefined;
    }
  });
  const latest = readLatestGateEvidenceFrom(diskFileReader(root), settings, gate);
  const candidates = [...records, latest].filter((e): e is GateEvidence => !!e && e.record.git.commit === commit);
  return candidates.sort((a, b) => a.record.finishedAt.localeCompare(b.record.finishedAt)).pop();
}

/** Each consumer's newest compatibility result against the core as it was at `coreCommit`. */
export function compatResultsAt(root: string, settings: GovernanceSettings, consumers: string[], coreCommit: string): Map<string, CompatRecord> {
  const newest = new Map<string, CompatRecord>();
  for (const { record } of readCompatResults(diskFileReader(root), settings, consumers)) {
    if (record.tuple.core.commit !== coreCommit || record.tuple.core.dirty !== false) continue;
    const current = newest.get(record.consumer);
    if (!current || current.finishedAt < record.finishedAt) newest.set(record.consumer, record);
  }
  return newest;
}

