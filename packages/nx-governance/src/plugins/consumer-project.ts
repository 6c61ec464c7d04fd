import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import { LANGUAGE_DEFAULTS } from '../lib/consumers/languages';
import type { ResolvedConsumer } from '../lib/consumers/resolve-consumers';
import type { ResolvedCore } from '../lib/consumers/resolve-core';
import type { GovernanceSettings } from '../lib/schemas/governance';
import { compatResultFolder } from '../lib/compat/compat-paths';
import type { GovernancePluginOptions } from './options';
import { pluginInputs } from './plugin-inputs';

/**
 * A consumer's `compat` target: after the core's build and the consumer's own
 * (a test of a stale `dist` would report a false `regressed`), its own test
 * suite against the core. Inputs are the consumer's files and the outputs of
 * those builds; the core's sources only when the plugin does not know what the
 * core's build writes. With a known artifact, a core change that builds the
 * same artifact re-runs nothing.
 */
export function consumerProject(
  consumer: ResolvedConsumer,
  core: ResolvedCore | undefined,
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
    // Nx 24 skips a dependsOn on a target the project does not have, so a consumer without a build needs no special case.
    // Without a core (none named yet, or broken settings) there is no core build to wait for; compat then fails through the loader.
    dependsOn: [...(core ? [{ projects: [core.project], target: options.buildTargetName }] : []), { target: options.buildTargetName }],
    inputs: [
      '{projectRoot}/**/*',
      ...ignored,
      { dependentTasksOutputFiles: '**/*', transitive: false },
      // A build the plugin did not infer (a package.json script, another plugin) may declare no outputs: hash what it reads.
      ...(core && !(core.build && core.artifact) ? [{ input: 'default', projects: [core.project] }] : []),
      ...pluginInputs(workspaceRoot),
    ],
    // The result history travels with the latest result (see gateTarget).
    outputs: [`${latest}.json`, `${latest}.md`, `{workspaceRoot}/${compatResultFolder(settings, consumer.name)}/results/*`, `{workspaceRoot}/${compatResultFolder(settings, consumer.name)}/logs/*`],
    options: { settingsFile, consumer: consumer.name },
    metadata: {
      description: `Run ${consumer.name}'s tests against the current ${core?.project ?? 'core'} build`,
      technologies: [consumer.language ?? 'unknown', 'nx-governance'],
    },
  };
  return {
    name: consumer.project,
    projectType: 'library',
    tags: ['governance:consumer'],
    ...(core ? { implicitDependencies: [core.project] } : {}),
    targets: { [options.compatTargetName]: compat },
  };
}
