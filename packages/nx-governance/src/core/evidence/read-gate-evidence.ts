import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { GateEvidence } from './gate-record';
import { gateEvidenceFolder } from './gate-store';
import { hasValidDigest } from './seal-record';

/** A gate's latest evidence through a FileReader (disk or Tree), or undefined when absent, unreadable or tampered. */
export function readLatestGateEvidenceFrom(reader: FileReader, settings: GovernanceSettings, gate: string): GateEvidence | undefined {
  const text = reader.read(`${gateEvidenceFolder(settings, gate)}/latest.json`);
  if (!text) return undefined;
  try {
    const evidence = JSON.parse(text) as GateEvidence;
    return hasValidDigest({ ...evidence.record, digest: evidence.digest }) ? evidence : undefined;
  } catch {
    return undefined;
  }
}
