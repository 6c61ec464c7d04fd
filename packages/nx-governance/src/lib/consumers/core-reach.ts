import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedConsumer } from './resolve-consumers';
import type { ResolvedCore } from './resolve-core';
import type { CoreReach } from './vocabulary';

export { CORE_REACHES, type CoreReach } from './vocabulary';

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
    // The compat target builds the core first: when it did and the file is still missing, core.artifact names a file the build does not write.
    return { ok: false, reason: `the ${core.project} build artifact ${core.artifact ?? artifact} does not exist; run nx run ${core.project}:build, and if that build writes another file (a library's lib<name>.so or .rlib), set core.artifact in governance.json to it` };
  }
  return { ok: true, reach, artifact, env: reach === 'env' ? { [core.artifactEnv]: artifact } : {} };
}
