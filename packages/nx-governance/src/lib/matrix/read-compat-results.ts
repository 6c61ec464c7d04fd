import { compatResultsFolder } from '../evidence/evidence-layout';
import { DIGEST_ONLY, readEvidenceOfKind } from '../evidence/read-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { StoredCompatResult } from './compute-matrix';

/** Every compatibility result in the history of each consumer that verifies (schema and digest: they are never signed); the others are left out (verify-evidence names them). */
export function readCompatResults(reader: FileReader, settings: GovernanceSettings, consumers: string[]): StoredCompatResult[] {
  const results: StoredCompatResult[] = [];
  for (const consumer of consumers) {
    for (const file of reader.list(compatResultsFolder(settings, consumer), '.json')) {
      const read = readEvidenceOfKind(reader, file, DIGEST_ONLY, 'nx-governance/compat-result');
      if (read.ok && read.value.consumer === consumer) results.push({ file, record: read.value });
    }
  }
  return results;
}
