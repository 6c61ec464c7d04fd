import type { ExecutorContext } from '@nx/devkit';

/** Project names with their target names, as the core's rules want them. */
export function projectTargets(context: ExecutorContext): Map<string, string[]> {
  const projects = context.projectsConfigurations?.projects ?? {};
  return new Map(Object.entries(projects).map(([name, config]) => [name, Object.keys(config.targets ?? {}).sort()]));
}
