import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, type ExecutorContext } from '@nx/devkit';
import type { Gate } from '../core/schemas/gates';
import { currentTaskHashes } from './nx-task-hash';

/**
 * The terminal output Nx stored for each Nx target step of a gate whose test
 * count matters, found by the step's task hash: Nx stores it whether the step
 * ran or was restored from the cache, before the gate starts. A step without
 * stored output (not cacheable) is left out, and its count is then missing.
 */
export async function targetStepOutputs(context: ExecutorContext, gate: Gate): Promise<Map<string, string>> {
  const outputs = new Map<string, string>();
  if (gate.kind !== 'command' || !gate.passCriteria?.minTests) return outputs;
  for (const step of gate.steps) {
    if (!('target' in step)) continue;
    const hash = await stepHash(context, step.target);
    const file = hash ? join(cacheDir, 'terminalOutputs', hash) : undefined;
    if (file && existsSync(file)) outputs.set(step.target, readFileSync(file, 'utf8'));
  }
  return outputs;
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
