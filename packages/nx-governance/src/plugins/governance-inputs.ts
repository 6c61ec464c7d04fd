import type { TargetConfiguration } from '@nx/devkit';
import type { GovernanceSettings } from '../lib/schemas/governance';

export type Input = NonNullable<TargetConfiguration['inputs']>[number];

/**
 * The governance data files, as Nx inputs: the JSON files beside the settings
 * file (settings, gates, playbook, compatibility, cadence), gates kept in files
 * of their own, and the milestones. What a target that judges the data reads.
 */
export function governanceDataInputs(settingsFile: string, settings: GovernanceSettings): Input[] {
  const governanceDir = settingsFile.includes('/') ? `${settingsFile.slice(0, settingsFile.lastIndexOf('/'))}/` : '';
  return [`{workspaceRoot}/${governanceDir}*.json`, `{workspaceRoot}/${governanceDir}gates/**/*.json`, `{workspaceRoot}/${settings.paths.milestones}/**/*`];
}
