import type { CompatRecord } from '../compat/compat-result';
import { hasValidDigest } from '../evidence/seal-record';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { StoredCompatResult } from './compute-matrix';

/** Every intact compatibility result in the history of each consumer; tampered ones are left out. */
export function readCompatResults(reader: FileReader, settings: GovernanceSettings, consumers: string[]): StoredCompatResult[] {
  const results: StoredCompatResult[] = [];
  for (const consumer of consumers) {
    for (const file of reader.list(`${settings.paths.evidence}/compat/${consumer}/results`, '.json')) {
      try {
        const record = JSON.parse(reader.read(file) ?? '') as CompatRecord;
        if (record.kind === 'nx-governance/compat-result' && hasValidDigest(record)) results.push({ file, record });
      } catch {
        // Not a result; verify-evidence names broken files.
      }
    }
  }
  return results;
}
