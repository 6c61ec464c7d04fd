import { logger, type PostTasksExecutionContext, type ProjectGraph } from '@nx/devkit';
import { restampRestoredCompat } from '../lib/compat/restamp-restored-compat';
import { resolveCore } from '../lib/consumers/resolve-core';
import { diskFileReader } from '../lib/workspace/file-reader';
import { loadCheckedGovernance } from '../lib/workspace/load-checked-governance';
import { DEFAULT_SETTINGS_FILE } from '../lib/workspace/load-governance';

/**
 * Every compat result Nx restored from its cache in this run is re-stamped with the core and consumer
 * commits it now stands for (see restampRestoredCompat): what Nx restores is storage; the record
 * must still name the candidate it was judged against. Data that does not validate re-stamps nothing.
 */
export function restampRestoredCompats(context: PostTasksExecutionContext, graph: ProjectGraph, restored: (status: string) => boolean): void {
  const reader = diskFileReader(context.workspaceRoot);
  const loaded = new Map<string, ReturnType<typeof loadCheckedGovernance>>();
  // The core's commit is its folder's: a core named without core.path lives at the root Nx gives it.
  const projectRoots = new Map(Object.entries(graph.nodes).map(([name, node]) => [name, node.data.root]));
  for (const [taskId, result] of Object.entries(context.taskResults)) {
    if (!restored(result.status)) continue;
    const { project, target } = result.task.target;
    const config = graph.nodes[project]?.data.targets?.[target];
    if (config?.executor !== 'nx-governance:compat') continue;
    const settingsFile = (config.options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE;
    if (!loaded.has(settingsFile)) loaded.set(settingsFile, loadCheckedGovernance(reader, settingsFile, { projectRoots }));
    const governance = loaded.get(settingsFile)!;
    if (!governance.ok) continue;
    const consumer = governance.consumers.find((c) => c.name === config.options?.consumer);
    const core = resolveCore(reader, governance.data.settings);
    if (!consumer || !core) continue;
    const outcome = restampRestoredCompat({ root: context.workspaceRoot, settings: governance.data.settings, core, consumer });
    if (outcome.restamped) logger.info(`[${taskId}] restored from the Nx cache; the result now names core ${outcome.record.tuple.core.commit?.slice(0, 12) ?? '(no commit)'} (same inputs as the run of ${outcome.record.restoredFrom?.finishedAt})`);
  }
}
