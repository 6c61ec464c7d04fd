import { type PreTasksExecutionContext, readCachedProjectGraph } from '@nx/devkit';
import { requireCleanRefusal } from '../lib/git/git';
import { diskFileReader } from '../lib/workspace/file-reader';
import { DEFAULT_SETTINGS_FILE, loadGovernance } from '../lib/workspace/load-governance';
import { requestedOf, requestedTargets } from './requested-targets';

/**
 * `--requireClean` on a gate run refuses a dirty tree (or one git cannot judge) before Nx runs any gate:
 * the aggregate's own check would come after its gates had already run and
 * recorded evidence for the dirty tree. Throwing here makes Nx stop with the
 * message and a failing exit code.
 */
export function refuseDirtyGateRun(context: PreTasksExecutionContext): void {
  if (!context.argv.some((arg) => /^--(requireClean|require-clean)(=true)?$/.test(arg))) return;
  const graph = readCachedProjectGraph();
  const requests = requestedTargets(context.argv);
  for (const node of Object.values(graph.nodes)) {
    const targets = node.data.targets ?? {};
    const gateRuns = [...requestedOf(requests, node.name)].filter((t) => targets[t]?.executor?.startsWith('nx-governance:'));
    if (gateRuns.length === 0) continue;
    const settingsFile = (targets[gateRuns[0]].options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE;
    const { settings } = loadGovernance(diskFileReader(context.workspaceRoot), settingsFile).data;
    const refusal = requireCleanRefusal(context.workspaceRoot, settings.paths.evidence);
    if (refusal) throw new Error(refusal);
  }
}
