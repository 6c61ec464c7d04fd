import type { PostTasksExecutionContext, ProjectGraph } from '@nx/devkit';
import { logger } from '@nx/devkit';
import { diskFileReader } from '../lib/workspace/file-reader';
import { type CheckedGovernance, loadCheckedGovernance } from '../lib/workspace/load-checked-governance';
import { targetsByProject } from '../executors/project-targets';
import { reportInvalidGovernance } from '../executors/workspace-governance';
import { nxTaskHashing } from '../nx-internals';
import { type GovernancePluginOptions, pluginOptionsIn } from './options';
import { requestedOption, requestedTargets, type TargetRequest } from './requested-targets';

export type TaskResult = PostTasksExecutionContext['taskResults'][string];

/** Nx's statuses for a task it restored from a cache instead of running it. */
const RESTORED = new Set<string>(['local-cache', 'local-cache-kept-existing', 'remote-cache']);

/**
 * One Nx run as the post-run hook sees it: the tasks Nx ran (or restored)
 * with their results, the project graph they came from, the target names the
 * command asked for, the plugin's target names, and the governance data,
 * checked once per settings file.
 */
export class NxRun {
  readonly root: string;
  readonly results: PostTasksExecutionContext['taskResults'];
  readonly requests: TargetRequest[];
  readonly names: Required<GovernancePluginOptions>;
  private readonly governance = new Map<string, CheckedGovernance>();

  constructor(
    readonly context: PostTasksExecutionContext,
    readonly graph: ProjectGraph,
  ) {
    this.root = context.workspaceRoot;
    this.results = context.taskResults;
    this.requests = requestedTargets(context.argv);
    this.names = pluginOptionsIn(context.nxJsonConfiguration);
  }

  /** What Nx reported for `project:target`, in whatever configuration it ran: undefined when the task did not run (Nx skipped it, or it was not selected). */
  resultOf(project: string, target: string): TaskResult | undefined {
    return this.results[`${project}:${target}`] ?? Object.values(this.results).find((r) => r.task.target.project === project && r.task.target.target === target);
  }

  restored(project: string, target: string): boolean {
    return RESTORED.has(this.resultOf(project, target)?.status ?? '');
  }

  /**
   * Whether Nx's task graph for `project:target` (as Nx builds it: its
   * dependsOn, transitively) holds a task that failed or was stopped in this
   * run: then Nx skipped the task, if the run selected it.
   */
  failedBelow(project: string, target: string): TaskResult | undefined {
    const { createTaskGraph } = nxTaskHashing();
    const graph = createTaskGraph(this.graph, {}, [project], [target], undefined, { __overrides_unparsed__: [] });
    for (const task of Object.values(graph.tasks)) {
      if (task.target.project === project && task.target.target === target) continue;
      const result = this.resultOf(task.target.project, task.target.target);
      if (result && (result.status === 'failure' || result.status === 'stopped')) return result;
    }
    return undefined;
  }

  /** The options of an aggregate or of validate that a user may give on the command line. */
  commandLineOptions(): Record<string, string | boolean> {
    const { argv } = this.context;
    const given = ['junit', 'json', 'gate'].map((name) => [name, requestedOption(argv, `--${name}`)] as const);
    const strict = argv.includes('--strict') || argv.includes('--strict=true');
    return { ...Object.fromEntries(given.filter(([, value]) => value !== undefined)), ...(strict ? { strict } : {}) };
  }

  projectTargets(): Map<string, string[]> {
    return targetsByProject(Object.fromEntries(Object.entries(this.graph.nodes).map(([name, node]) => [name, node.data])));
  }

  /** The governance data of a settings file, checked once per run; a broken one is reported once. */
  governanceOf(settingsFile: string): CheckedGovernance {
    const known = this.governance.get(settingsFile);
    if (known) return known;
    const checked = loadCheckedGovernance(diskFileReader(this.root), settingsFile, { projects: this.projectTargets(), gateTargetName: this.names.gateTargetName });
    if (!checked.ok) reportInvalidGovernance(checked.errors, (line) => logger.error(line));
    this.governance.set(settingsFile, checked);
    return checked;
  }
}

export const stringOption = (value: unknown) => (typeof value === 'string' ? value : undefined);

export const asksForReports = (options: Record<string, unknown>) => stringOption(options.junit) !== undefined || stringOption(options.json) !== undefined;

export function anyRestored(results: PostTasksExecutionContext['taskResults']): boolean {
  return Object.values(results).some((r) => RESTORED.has(r.status));
}

/** Whether Nx restored a task from a cache instead of running it. */
export const isRestoredStatus = (status: string): boolean => RESTORED.has(status);
