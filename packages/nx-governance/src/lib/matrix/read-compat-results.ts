import { compatLatestFile, compatResultsFolder } from '../evidence/evidence-layout';
import { DIGEST_ONLY, readEvidenceOfKind } from '../evidence/read-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { StoredCompatResult } from './compute-matrix';

/**
 * Every compatibility result of each consumer that verifies (schema and
 * digest: they are never signed): its local history and its `latest`, once
 * each. The latest result is the one the evidence policy commits and Nx
 * restores, so a fresh clone, which has no history, still has it: without it,
 * the same commit read GO where it ran and NO-GO in a clone. The others are
 * left out (verify-evidence names them).
 */
export function readCompatResults(reader: FileReader, settings: GovernanceSettings, consumers: string[]): StoredCompatResult[] {
  const results: StoredCompatResult[] = [];
  for (const consumer of consumers) {
    const seen = new Set<string>();
    for (const file of [...reader.list(compatResultsFolder(settings, consumer), '.json'), compatLatestFile(settings, consumer)]) {
      const read = readEvidenceOfKind(reader, file, DIGEST_ONLY, 'nx-governance/compat-result');
      if (!read.ok || read.value.consumer !== consumer || seen.has(read.value.digest)) continue;
      seen.add(read.value.digest);
      results.push({ file, record: read.value });
    }
  }
  return results;
}
