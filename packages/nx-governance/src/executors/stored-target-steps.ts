import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, type ExecutorContext } from '@nx/devkit';
import type { StoredStep } from '../lib/gates/pass-criteria';
import type { Gate } from '../lib/schemas/gates';
import { currentTaskHashes } from './nx-task-hash';

/**
 * What Nx stored for each Nx target step of a gate whose test count matters,
 * found by the step's task hash: its terminal output (stored whether the step
 * ran or was restored, before the gate starts) and, when the gate names a
 * JUnit report that the step caches as an output, that report as the step
 * wrote it for this hash. A step Nx stored nothing for (not cacheable) is
 * left out, and its count is then missing.
 */
export async function storedTargetSteps(context: ExecutorContext, gate: Gate): Promise<Map<string, StoredStep>> {
  const stored = new Map<string, StoredStep>();
  const minTests = gate.kind === 'command' ? gate.passCriteria?.minTests : undefined;
  if (gate.kind !== 'command' || !minTests) return stored;
  for (const step of gate.steps) {
    if (!('target' in step)) continue;
    const hash = await stepHash(context, step.target);
    if (!hash) continue;
    const output = readIfThere(join(cacheDir, 'terminalOutputs', hash));
    // Nx keeps a cached task's outputs under <cacheDir>/<hash>/, at their workspace paths.
    const junit = minTests.junit ? readIfThere(join(cacheDir, hash, minTests.junit)) : undefined;
    stored.set(step.target, { ...(output !== undefined ? { output } : {}), ...(junit !== undefined ? { junit } : {}) });
  }
  return stored;
}

function readIfThere(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/**
 * Nx gives an executor its task graph as it was before the tasks were hashed,
 * so the step's hash is usually computed again with Nx's own hasher: its
 * inputs have not changed since Nx ran it, so the hash is the one Nx stored.
 */
async function stepHash(context: ExecutorContext, target: string): Promise<string | undefined> {
  const known = context.taskGraph?.tasks[target]?.hash;
  if (known) return known;
  const [project, name] = target.split(':');
  return (await currentTaskHashes(project, [name]))[name];
}
