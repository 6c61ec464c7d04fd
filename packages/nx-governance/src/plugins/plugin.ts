import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type CreateNodes, type CreateNodesContext, createNodesFromFiles, type TargetConfiguration } from '@nx/devkit';
import { defaultGovernanceSettings, type GovernanceSettings, governanceSettingsSchema } from '../core/schemas';
import { parseDataFile } from '../core/schemas/parse-data-file';
import { pluginInputs } from './plugin-inputs';

export interface GovernancePluginOptions {
  /** Name of the target that checks every governance file. Default: `validate`. */
  validateTargetName?: string;
  /** Name of the target that runs the mandatory gates. Default: `gate`. */
  gateTargetName?: string;
}

export const SETTINGS_FILE_GLOB = '**/governance.json';

/**
 * Infers a project from every `governance.json`: the folder becomes the
 * governance project (named by its `projectName`, default `governance`) with a
 * cached `validate` target whose inputs are the governance files.
 */
export const createNodes: CreateNodes<GovernancePluginOptions> = [
  SETTINGS_FILE_GLOB,
  (configFiles, options, context) => createNodesFromFiles(createNodesForSettingsFile, configFiles, options ?? {}, context),
];

function createNodesForSettingsFile(settingsFile: string, options: GovernancePluginOptions | undefined, context: CreateNodesContext) {
  const projectRoot = dirname(settingsFile);
  const settings = readSettingsLeniently(context.workspaceRoot, settingsFile);
  const names = { validate: options?.validateTargetName ?? 'validate', gate: options?.gateTargetName ?? 'gate' };
  const hasOwnProject = ['project.json', 'package.json'].some((f) => existsSync(join(context.workspaceRoot, projectRoot, f)));

  const validate: TargetConfiguration = {
    executor: 'nx-governance:validate',
    cache: true,
    inputs: [
      '{projectRoot}/**/*.json',
      `{workspaceRoot}/${settings.paths.milestones}/**/*.md`,
      ...pluginInputs(context.workspaceRoot),
    ],
    outputs: ['{options.json}'],
    options: { settingsFile },
    metadata: {
      description: 'Check every governance file against its schema and the rules across files',
      technologies: ['nx-governance'],
    },
  };
  const gate: TargetConfiguration = {
    executor: 'nx:noop',
    dependsOn: [names.validate],
    metadata: { description: 'Run the mandatory validation gates', technologies: ['nx-governance'] },
  };

  return {
    projects: {
      [projectRoot]: {
        ...(hasOwnProject ? {} : { name: settings.projectName }),
        projectType: 'library' as const,
        tags: ['governance'],
        targets: { [names.validate]: validate, [names.gate]: gate },
      },
    },
  };
}

/**
 * Inference must not fail on a broken settings file: the project still appears
 * so that `validate` can name the problem. Defaults stand in for bad values.
 */
function readSettingsLeniently(workspaceRoot: string, settingsFile: string): GovernanceSettings {
  const parsed = parseDataFile(settingsFile, readFileSync(join(workspaceRoot, settingsFile), 'utf8'), governanceSettingsSchema);
  return parsed.ok ? parsed.data : defaultGovernanceSettings();
}
