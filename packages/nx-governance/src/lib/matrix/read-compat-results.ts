import { readEvidenceOfKind } from '../evidence/read-evidence';
import { signaturePolicyOf } from '../evidence/read-gate-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { StoredCompatResult } from './compute-matrix';

/** Every compatibility result in the history of each consumer that verifies; the others are left out (verify-evidence names them). */
export function readCompatResults(reader: FileReader, settings: GovernanceSettings, consumers: string[]): StoredCompatResult[] {
  const policy = signaturePolicyOf(reader, settings);
  if (!policy) return [];
  const results: StoredCompatResult[] = [];
  for (const consumer of consumers) {
    for (const file of reader.list(`${settings.paths.evidence}/compat/${consumer}/results`, '.json')) {
      const read = readEvidenceOfKind(reader, file, policy, 'nx-governance/compat-result');
      if (read.ok && read.value.consumer === consumer) results.push({ file, record: read.value });
    }
  }
  return results;
}
