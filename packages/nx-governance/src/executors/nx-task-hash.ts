import { createProjectGraphAsync, type ExecutorContext, type ProjectGraph } from '@nx/devkit';
import { nxTaskHashing } from '../nx-internals';

/** The hash Nx gave the running task (Nx passes it to the task's process as NX_TASK_HASH). */
export function runningTaskHash(context: ExecutorContext, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const id = `${context.projectName}:${context.targetName}${context.configurationName ? `:${context.configurationName}` : ''}`;
  return env.NX_TASK_HASH || context.taskGraph?.tasks[id]?.hash;
}

/**
 * The hashes Nx would compute now for `project:target` tasks run without
 * overrides, as `nx run-many` runs them: evidence whose recorded hash differs
 * is no longer current. Uses Nx's own hasher, so the answer is Nx's.
 */
export async function currentTaskHashes(project: string, targets: string[]): Promise<Record<string, string>> {
  const hashes = await taskHashesOf(targets.map((target) => ({ project, target })));
  return Object.fromEntries(targets.flatMap((target) => (hashes[`${project}:${target}`] ? [[target, hashes[`${project}:${target}`]]] : [])));
}

/** The hashes Nx would compute now for each `project:target` task (by that id); a task Nx does not know is left out. */
export async function taskHashesOf(tasks: ReadonlyArray<{ project: string; target: string }>): Promise<Record<string, string>> {
  if (tasks.length === 0) return {};
  const { readNxJson, createTaskHasher, hashTask, createTaskGraph } = nxTaskHashing();
  const graph = await graphOfThisRun();
  const projects = [...new Set(tasks.map((t) => t.project))].filter((p) => graph.nodes[p]);
  const targets = [...new Set(tasks.map((t) => t.target))];
  const taskGraph = createTaskGraph(graph, {}, projects, targets, undefined, { __overrides_unparsed__: [] });
  const hasher = createTaskHasher(graph, readNxJson());
  const hashes: Record<string, string> = {};
  for (const { project, target } of tasks) {
    const task = taskGraph.tasks[`${project}:${target}`];
    if (!task) continue;
    await hashTask(hasher, graph, taskGraph, task, process.env, null);
    if (task.hash) hashes[task.id] = task.hash;
  }
  return hashes;
}

/**
 * The project graph of the nx command this executor runs in: Nx computed and
 * cached it before running any task, so it is read back with its file map
 * (NX_FORCE_REUSE_CACHED_GRAPH, Nx's own switch for this) instead of starting
 * every plugin's worker again, which cost seconds of CPU per executor. With no
 * cached graph Nx computes one, as before.
 */
async function graphOfThisRun(): Promise<ProjectGraph> {
  const before = process.env.NX_FORCE_REUSE_CACHED_GRAPH;
  process.env.NX_FORCE_REUSE_CACHED_GRAPH = 'true';
  try {
    return await createProjectGraphAsync({ exitOnError: false });
  } finally {
    if (before === undefined) delete process.env.NX_FORCE_REUSE_CACHED_GRAPH;
    else process.env.NX_FORCE_REUSE_CACHED_GRAPH = before;
  }
}

/**
 * The hashes of an aggregate's gate tasks now, from Nx's own hasher
 * (`currentTaskHashes`, as readiness and the report ask): Nx 24 strips the
 * hashes from the task graph it hands a task's process, so the executor asks
 * again. A gate Nx cannot hash is left out, and judged `unknown`, with why.
 */
export async function gateTaskHashesNow(project: string | undefined, targets: string[]): Promise<{ hashes: Record<string, string>; problem?: string }> {
  if (!project) return { hashes: {}, problem: 'the executor runs outside a project, so Nx cannot hash its gates' };
  try {
    return { hashes: await currentTaskHashes(project, targets) };
  } catch (error) {
    return { hashes: {}, problem: `Nx could not hash the gate tasks: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** The hashes of the consumers' compat tasks now, by consumer name; a consumer Nx cannot hash is left out, and judged `unknown`, with why. */
export async function compatTaskHashesNow(consumers: ReadonlyArray<{ name: string; project: string }>, compatTargetName: string): Promise<{ hashes: Record<string, string>; problem?: string }> {
  try {
    const byTask = await taskHashesOf(consumers.map(({ project }) => ({ project, target: compatTargetName })));
    return { hashes: Object.fromEntries(consumers.flatMap(({ name, project }) => (byTask[`${project}:${compatTargetName}`] ? [[name, byTask[`${project}:${compatTargetName}`]]] : []))) };
  } catch (error) {
    return { hashes: {}, problem: `Nx could not hash the compat tasks: ${(error as Error).message.split('\n')[0]}` };
  }
}
