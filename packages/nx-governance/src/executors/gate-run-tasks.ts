import type { ExecutorContext } from '@nx/devkit';

/**
 * The targets of this project that Nx ran as this task's dependencies, with
 * each task's hash when Nx computed one: for an aggregate of gates, the gates
 * it may report on and the hash their records must carry.
 */
export function dependencyTasks(context: ExecutorContext): Map<string, string | undefined> {
  const graph = context.taskGraph;
  const dependencies = new Map<string, string | undefined>();
  if (!graph) return dependencies;
  const self = `${context.projectName}:${context.targetName}${context.configurationName ? `:${context.configurationName}` : ''}`;
  // Nx 24 lists edges ({ id }); Nx 23 listed the ids themselves.
  for (const edge of (graph.dependencies[self] ?? []) as Array<string | { id: string }>) {
    const task = graph.tasks[typeof edge === 'string' ? edge : edge.id];
    if (task?.target.project === context.projectName) dependencies.set(task.target.target, task.hash);
  }
  return dependencies;
}
