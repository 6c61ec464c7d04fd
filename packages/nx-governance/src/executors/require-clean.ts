import { logger } from '@nx/devkit';
import { isDirty } from '../core/git/git';
import type { GovernanceSettings } from '../core/schemas/governance';

/** `--requireClean`: true (and says why) when the tree has changes outside the evidence folder. */
export function refuseDirtyTree(root: string, settings: GovernanceSettings): boolean {
  if (!isDirty(root, undefined, settings.paths.evidence)) return false;
  logger.error('The tree has uncommitted changes; --requireClean refuses to produce evidence for it. Commit or stash first.');
  return true;
}
