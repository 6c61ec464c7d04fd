import type { ExecutorContext } from '@nx/devkit';

/** Project names with their target names, as the core's rules want them. */
export function targetsByProject(projects: Record<string, { targets?: Record<string, unknown> }>): Map<string, string[]> {
  return new Map(Object.entries(projects).map(([name, config]) => [name, Object.keys(config.targets ?? {}).sort()]));
}

export function projectTargets(context: ExecutorContext): Map<string, string[]> {
  return targetsByProject(context.projectsConfigurations?.projects ?? {});
}

/** Project names with their roots, where Nx says each project lives. */
export function projectRoots(context: ExecutorContext): Map<string, string> {
  return new Map(Object.entries(context.projectsConfigurations?.projects ?? {}).map(([name, config]) => [name, config.root]));
}
