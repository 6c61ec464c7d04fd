import { logger } from '@nx/devkit';
import { recordCompatNotRun } from '../lib/compat/run-compat';
import { resolveCore } from '../lib/consumers/resolve-core';
import { diskFileReader } from '../lib/workspace/file-reader';
import { DEFAULT_SETTINGS_FILE } from '../lib/workspace/load-governance';
import type { NxRun } from './post-run-tasks';

/**
 * A consumer's compat waits for the core's build and its own. When one of them
 * fails, Nx skips the compat task and its latest result would still say what
 * the last run said; record what happened instead (see recordCompatNotRun).
 * Which dependency is the consumer's own build is read from the compat
 * target's dependsOn (the entry on its own project), whatever the build
 * target is called.
 */
export function recordSkippedCompats(run: NxRun): void {
  const reader = diskFileReader(run.root);
  for (const [project, node] of Object.entries(run.graph.nodes)) {
    for (const [target, config] of Object.entries(node.data.targets ?? {})) {
      if (config.executor !== 'nx-governance:compat' || run.resultOf(project, target)) continue;
      const dependencies = (config.dependsOn ?? []).flatMap((d) =>
        typeof d === 'string' ? [{ project, target: d }] : (Array.isArray(d.projects) ? d.projects : d.projects === undefined ? [project] : []).map((p) => ({ project: p, target: d.target })),
      );
      const failed = dependencies.find((d) => run.resultOf(d.project, d.target)?.status === 'failure');
      if (!failed) continue;
      const governance = run.governanceOf((config.options?.settingsFile as string | undefined) ?? DEFAULT_SETTINGS_FILE);
      if (!governance.ok) continue;
      const consumer = governance.consumers.find((c) => c.name === config.options?.consumer);
      const core = resolveCore(reader, governance.data.settings);
      // Without a core, validate has already failed the data; there is no tuple to record.
      if (!consumer || !core) continue;
      const result = run.resultOf(failed.project, failed.target)!;
      const record = recordCompatNotRun(
        { root: run.root, settings: governance.data.settings, core, consumer },
        { target: result.task.id, code: result.code, ownBuild: failed.project === project },
      );
      logger.error(`[${consumer.name}] ${record.result}: ${record.reason}`);
    }
  }
}
