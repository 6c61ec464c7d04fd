import type { GovernanceSettings } from '../schemas/governance';

/** Where a consumer's compatibility results live: `evidence/compat/<consumer>`. */
export function compatResultFolder(settings: GovernanceSettings, consumer: string): string {
  return `${settings.paths.evidence}/compat/${consumer}`;
}
