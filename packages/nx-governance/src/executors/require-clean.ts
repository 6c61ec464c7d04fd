import { logger } from '@nx/devkit';
import { requireCleanRefusal } from '../lib/git/git';
import type { GovernanceSettings } from '../lib/schemas/governance';

/** `--requireClean`: true (and says why) when the tree has changes outside the evidence folder, or git cannot tell. */
export function refuseDirtyTree(root: string, settings: GovernanceSettings): boolean {
  const refusal = requireCleanRefusal(root, settings.paths.evidence);
  if (refusal) logger.error(refusal);
  return refusal !== undefined;
}
