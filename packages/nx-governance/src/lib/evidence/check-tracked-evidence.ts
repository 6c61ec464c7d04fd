import { git } from '../git/git';
import type { GovernanceSettings } from '../schemas/governance';
import type { Report } from './verify-types';

/**
 * Evidence git knows of (committed or staged) must still be on disk: a deleted
 * record, or a whole deleted gate folder, leaves nothing behind to check
 * otherwise. Outside a git repository there is nothing to compare with.
 */
export function checkTrackedEvidence(root: string, settings: GovernanceSettings, files: string[], report: Report): void {
  const listed = git(root, ['ls-files', '-z', '--', settings.paths.evidence]);
  if (listed === undefined) return;
  const present = new Set(files);
  for (const file of listed.split('\0').filter(Boolean).sort()) {
    if (!present.has(file)) report(file, 'missing', 'found no file, expected the evidence git tracks here (deleted after it was recorded)');
  }
}
