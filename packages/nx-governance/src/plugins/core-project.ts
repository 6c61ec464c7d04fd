import type { ProjectConfiguration, TargetConfiguration } from '@nx/devkit';
import type { ResolvedCore } from '../lib/consumers/resolve-core';
import { LANGUAGE_DEFAULTS } from '../lib/consumers/languages';
import type { GovernancePluginOptions } from './options';

/** The core's build and test targets, when its language says how to build it. */
export function coreProject(core: ResolvedCore, options: Required<GovernancePluginOptions>): Omit<ProjectConfiguration, 'root'> {
  const ignored = core.language ? LANGUAGE_DEFAULTS[core.language].ignored.map((dir) => `!{projectRoot}/${dir}/**/*`) : [];
  const inputs = ['{projectRoot}/**/*', ...ignored];
  const targets: Record<string, TargetConfiguration> = {};
  if (core.build) {
    targets[options.buildTargetName] = {
      // The argv as data, run without a shell: joined into a command line, an argument with a space or `;` would be re-read by a shell.
      executor: 'nx-governance:run-argv',
      cache: true,
      inputs,
      outputs: core.artifact ? [`{workspaceRoot}/${core.artifact}`] : [],
      options: { argv: core.build, cwd: core.path },
      metadata: { description: `Build the core (${core.build.join(' ')})`, technologies: [core.language ?? 'unknown'] },
    };
  }
  // Only beside the build it infers (a cargo crate Nx knows nothing of): any other core is an Nx project whose own
  // tooling (package.json scripts, @nx/jest, @nx/vite...) has its test target, which a later plugin's would replace.
  if (core.build && core.test) {
    targets[options.testTargetName] = {
      executor: 'nx-governance:run-argv',
      cache: true,
      inputs,
      options: { argv: core.test, cwd: core.path },
      metadata: { description: `Test the core (${core.test.join(' ')})`, technologies: [core.language ?? 'unknown'] },
    };
  }
  return { name: core.project, projectType: 'library', tags: ['governance:core'], targets };
}
