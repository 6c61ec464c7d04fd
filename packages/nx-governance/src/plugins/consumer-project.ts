import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import { LANGUAGE_DEFAULTS } from '../core/consumers/languages';
import type { ResolvedConsumer } from '../core/consumers/resolve-consumers';
import type { ResolvedCore } from '../core/consumers/resolve-core';
import type { GovernanceSettings } from '../core/schemas/governance';
import { compatResultFolder } from '../core/compat/compat-paths';
import type { GovernancePluginOptions } from './options';
import { pluginInputs } from './plugin-inputs';

/**
 * A consumer's `compat` target: after the core's build, its own test suite
 * against the built artifact. Inputs are the consumer's files and the core's
 * build output, not the core's sources: a core change that builds the same
 * artifact re-runs nothing.
 */
export function consumerProject(
  consumer: ResolvedConsumer,
  core: ResolvedCore,
  settingsFile: string,
  settings: GovernanceSettings,
  options: Required<GovernancePluginOptions>,
  workspaceRoot: string,
): Omit<ProjectConfiguration, 'root'> {
  const ignored = consumer.language ? LANGUAGE_DEFAULTS[consumer.language].ignored.map((dir) => `!{projectRoot}/${dir}/**/*`) : [];
  const latest = `{workspaceRoot}/${compatResultFolder(settings, consumer.name)}/latest`;
  const compat: TargetConfiguration = {
    executor: 'nx-governance:compat',
    cache: true,
    // Without a readable core (broken settings) there is nothing to depend on; compat then fails through the loader.
    ...(core.project ? { dependsOn: [{ projects: [core.project], target: options.buildTargetName }] } : {}),
    inputs: [
      '{projectRoot}/**/*',
      ...ignored,
      { dependentTasksOutputFiles: '**/*', transitive: false },
      ...pluginInputs(workspaceRoot),
    ],
    // The result history travels with the latest result (see gateTarget).
    outputs: [`${latest}.json`, `${latest}.md`, `{workspaceRoot}/${compatResultFolder(settings, consumer.name)}/results/*`, `{workspaceRoot}/${compatResultFolder(settings, consumer.name)}/logs/*`],
    options: { settingsFile, consumer: consumer.name },
    metadata: {
      description: `Run ${consumer.name}'s tests against the current ${core.project} build`,
      technologies: [consumer.language ?? 'unknown', 'nx-governance'],
    },
  };
  return {
    name: consumer.project,
    projectType: 'library',
    tags: ['governance:consumer'],
    ...(core.project ? { implicitDependencies: [core.project] } : {}),
    targets: { [options.compatTargetName]: compat },
  };
}
