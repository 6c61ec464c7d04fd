import { spawnSync } from 'node:child_process';
import { newStepMarker, signalStepTree, STEP_MARKER_VARIABLE, stepIdentity } from './step-tree';

export interface SyncProcessSpec {
  /** Program and arguments; never handed to a shell. */
  argv: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Bytes of stdout (and of stderr) held in memory; past it the run fails rather than keep a cut answer. Default 64 MiB. */
  maxOutputBytes?: number;
}

/** A short command that ran to its end (any exit code: the caller judges it), or why it did not. */
export type SyncProcessResult =
  | { ok: true; exitCode: number; stdout: string; stderr: string }
  | { ok: false; reason: string };

const DEFAULT_MAX_OUTPUT = 64 * 1024 * 1024;

/**
 * Runs a short probe (git, `tool --version`) to its end and returns its whole
 * output. For anything that may run long or print without bound, use
 * `runProcess`: this one holds the output in memory. Being synchronous, it
 * ends the command itself on timeout, then what the command started (found
 * by the step marker in their environment, as `runProcess` finds a tree).
 */
export function runProcessSync(spec: SyncProcessSpec): SyncProcessResult {
  const [program, ...args] = spec.argv;
  if (!program) return { ok: false, reason: 'no program to run (empty argv)' };
  const maxBuffer = spec.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const marker = newStepMarker();
  const result = spawnSync(program, args, {
    cwd: spec.cwd,
    env: { ...(spec.env ?? process.env), [STEP_MARKER_VARIABLE]: marker },
    encoding: 'utf8',
    timeout: spec.timeoutMs,
    killSignal: 'SIGKILL',
    maxBuffer,
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: false,
    windowsHide: true,
  });
  // Only on timeout: reading every process's environment costs more than a quick probe.
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT' && result.pid) signalStepTree(stepIdentity(result.pid, marker), 'SIGKILL');
  if (result.error) return { ok: false, reason: startFailure(program, result.error as NodeJS.ErrnoException, spec.timeoutMs, maxBuffer) };
  if (result.status === null) return { ok: false, reason: `${program} was ended by ${result.signal ?? 'a signal'}` };
  return { ok: true, exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

function startFailure(program: string, error: NodeJS.ErrnoException, timeoutMs: number, maxBuffer: number): string {
  if (error.code === 'ENOENT') return `${program} not found`;
  if (error.code === 'ETIMEDOUT') return `${program} did not finish within ${timeoutMs} ms`;
  if (error.code === 'ENOBUFS') return `${program} printed more than ${maxBuffer} bytes`;
  return `${program} could not run: ${error.message}`;
}
