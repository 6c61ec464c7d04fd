import type { TargetConfiguration } from '@nx/devkit';
import type { ResolvedConsumer } from '../lib/consumers/resolve-consumers';
import { keysFolderOf } from '../lib/evidence/signature-policy';
import type { GovernanceSettings } from '../lib/schemas/governance';
import { CONSUMER_FILE, type GovernanceData } from '../lib/workspace/load-governance';

export type Input = NonNullable<TargetConfiguration['inputs']>[number];

/**
 * The governance data files, as Nx inputs: the JSON files beside the settings
 * file (settings, gates, playbook, compatibility, cadence), gates kept in files
 * of their own, the milestones and the trusted keys. What a target that judges
 * the data reads.
 */
export function governanceDataInputs(settingsFile: string, settings: GovernanceSettings): Input[] {
  const governanceDir = settingsFile.includes('/') ? `${settingsFile.slice(0, settingsFile.lastIndexOf('/'))}/` : '';
  return [
    `{workspaceRoot}/${governanceDir}*.json`,
    `{workspaceRoot}/${governanceDir}gates/**/*.json`,
    `{workspaceRoot}/${settings.paths.milestones}/**/*`,
    `{workspaceRoot}/${keysFolderOf(settingsFile)}/**/*`,
  ];
}

/**
 * Everything the check every judging target runs first reads (what `validate`
 * reports): the governance data, every `governance.consumer.json`, and the
 * projects the data names, whose configuration Nx hashes with them (a target
 * removed there makes the data invalid). A target whose verdict rests on that
 * check must not be restored when any of it changed.
 */
export function checkedGovernanceInputs(settingsFile: string, data: GovernanceData, consumers: readonly ResolvedConsumer[]): Input[] {
  const named = [...(data.settings.core ? [data.settings.core.project] : []), ...consumers.map((c) => c.project), ...targetStepProjects(data)];
  const projects = [...new Set(named)].filter((project) => project && project !== data.settings.projectName).sort();
  return [
    ...governanceDataInputs(settingsFile, data.settings),
    `{workspaceRoot}/**/${CONSUMER_FILE}`,
    ...(projects.length ? [{ input: 'default', projects }] : []),
  ];
}

/** The projects a gate's Nx target steps name (`project:target`). */
function targetStepProjects(data: GovernanceData): string[] {
  return (data.gates?.data.gates ?? []).flatMap((gate) => (gate.kind === 'command' ? gate.steps.flatMap((step) => ('target' in step ? [step.target.split(':')[0]] : [])) : []));
}
