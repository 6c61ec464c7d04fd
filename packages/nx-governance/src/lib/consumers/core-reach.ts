import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConsumer } from './resolve-consumers';
import type { ResolvedCore } from './resolve-core';

/**
 * How a consumer's tests reach the core:
 * - `env`: the absolute path of the core's build artifact is set in `core.artifactEnv` (a CLI, a shared library);
 * - `path`: the consumer finds the artifact at its workspace path itself, no variable is set;
 * - `workspace-package`: the consumer imports the core by name (npm/pnpm/yarn workspaces,
 *   tsconfig paths, go.work, a uv workspace); an artifact, when one is known, must exist.
 */
export const CORE_REACHES = ['env', 'path', 'workspace-package'] as const;
export type CoreReach = (typeof CORE_REACHES)[number];

export type ReachedCore =
  | { ok: true; reach: CoreReach; /** Absolute. */ artifact?: string; env: Record<string, string> }
  | { ok: false; reason: string };

/**
 * What a consumer's test run needs to reach the core, or why it cannot:
 * a run without the core it means to test says nothing about the consumer.
 */
export function reachCore(root: string, core: ResolvedCore, consumer: ResolvedConsumer, artifactOverride?: string): ReachedCore {
  const reach = consumer.reaches ?? core.reachedBy;
  const artifact = artifactOverride ?? (core.artifact ? join(root, core.artifact) : undefined);
  if (!artifact) {
    if (reach === 'workspace-package') return { ok: true, reach, env: {} };
    return { ok: false, reason: `${consumer.name} reaches ${core.project} through its build artifact (reaches: ${reach}), but governance.json declares no core.artifact` };
  }
  if (!existsSync(artifact)) {
    return { ok: false, reason: `the ${core.project} build artifact ${core.artifact ?? artifact} does not exist; run nx run ${core.project}:build` };
  }
  return { ok: true, reach, artifact, env: reach === 'env' ? { [core.artifactEnv]: artifact } : {} };
}
