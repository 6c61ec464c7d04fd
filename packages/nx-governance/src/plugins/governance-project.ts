import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import type { GovernanceSettings } from '../core/schemas/governance';
import type { GovernancePluginOptions } from './options';
import { pluginInputs } from './plugin-inputs';

const technologies = ['nx-governance'];

export function governanceProject(
  settingsFile: string,
  settings: GovernanceSettings,
  options: Required<GovernancePluginOptions>,
  workspaceRoot: string,
): Omit<ProjectConfiguration, 'root'> {
  const validate: TargetConfiguration = {
    executor: 'nx-governance:validate',
    cache: true,
    inputs: ['{projectRoot}/**/*.json', `{workspaceRoot}/${settings.paths.milestones}/**/*.md`, ...pluginInputs(workspaceRoot)],
    outputs: ['{options.json}'],
    options: { settingsFile },
    metadata: { description: 'Check every governance file against its schema and the rules across files', technologies },
  };
  const gate: TargetConfiguration = {
    executor: 'nx:noop',
    dependsOn: [options.validateTargetName],
    metadata: { description: 'Run the mandatory validation gates', technologies },
  };
  const compatRun: TargetConfiguration = {
    executor: 'nx-governance:compat-run',
    options: { settingsFile, target: options.compatTargetName },
    metadata: { description: 'Run the compatibility target of every consumer (or, with --affected, of those a change reaches)', technologies },
  };
  return {
    name: settings.projectName,
    projectType: 'library',
    tags: ['governance'],
    targets: { [options.validateTargetName]: validate, [options.gateTargetName]: gate, [options.compatRunTargetName]: compatRun },
  };
}
