import type { TargetConfiguration } from '@nx/devkit';
import { gateDefinitionDigest } from '../lib/gates/gate-digest';
import { toolVersionCommand } from '../lib/process/tool-version';
import type { Gate } from '../lib/schemas/gates';
import type { Input } from './governance-inputs';

/*
 * Nx 24 hashes into every task of a project the name, executor, options,
 * configurations and outputs of each of its targets (not their inputs,
 * dependsOn or metadata: see docs/design/gate-run.md, section 5). So nothing
 * that varies with one gate's definition may sit there, or editing one gate
 * re-runs them all. What does vary goes into the gate's own inputs: `runtime`
 * inputs, whose output Nx hashes (the command line itself it does not).
 */
const DEFINITION = 'echo nx-governance-gate-definition ';

/** The input that makes a gate's task hash its own definition's digest, and nothing of its neighbours'. */
export function gateDefinitionInput(gate: Gate): Input {
  return { runtime: `${DEFINITION}${gateDefinitionDigest(gate)}` };
}

/** The digest of the definition Nx hashed into a gate's task, read back from the target's inputs. */
export function hashedGateDefinition(target: TargetConfiguration | undefined): string | undefined {
  for (const input of target?.inputs ?? []) {
    if (typeof input === 'object' && 'runtime' in input && input.runtime.startsWith(DEFINITION)) return input.runtime.slice(DEFINITION.length);
  }
  return undefined;
}

/**
 * One input per program whose version a command step declares (`version`):
 * another version on PATH is another hash, so no cache serves a result made
 * with one toolchain to a machine with another. Nx runs each distinct command
 * once per run, however many gates share it.
 */
export function toolVersionInputs(gate: Gate): Input[] {
  if (gate.kind !== 'command') return [];
  return gate.steps.flatMap((step) => ('argv' in step && step.version ? [{ runtime: toolVersionCommand(step.version, step.cwd ?? '.') }] : []));
}
