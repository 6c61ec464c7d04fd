import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { LineSplitter } from './line-splitter';

export interface ProcessSpec {
  /** Program and arguments; never handed to a shell. */
  argv: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Bytes of output kept in the log file; the rest is hashed but not written. Default 50 MiB. */
  outputCapBytes?: number;
  /** Full log of stdout and stderr, interleaved as they arrive. */
  logFile?: string;
  /** Called with every complete line of output. */
  onLine?: (line: string) => void;
  /** Lets a caller stop the process (Ctrl-C): the whole process group is ended. */
  signal?: AbortSignal;
}

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  aborted: boolean;
  /** Set when the program could not be started, e.g. `cargo not found`. */
  spawnError?: string;
  durationMs: number;
  outputBytes: number;
  /** sha256 of the whole output, also the part beyond the cap. */
  outputSha256: string;
  truncated: boolean;
  /** The last lines of output, for evidence a person reads. */
  tail: string[];
}

export const DEFAULT_OUTPUT_CAP = 50 * 1024 * 1024;
const TAIL_LINES = 50;
const KILL_GRACE_MS = 2_000;

/**
 * Runs one command in its own process group with a timeout and an output cap.
 * Ending the group (not just the child) is what stops a grandchild that the
 * command started, so a timeout leaves no process behind.
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  const started = Date.now();
  const cap = spec.outputCapBytes ?? DEFAULT_OUTPUT_CAP;
  const hash = createHash('sha256');
  const tail: string[] = [];
  const splitter = new LineSplitter((line) => {
    tail.push(line);
    if (tail.length > TAIL_LINES) tail.shift();
    spec.onLine?.(line);
  });
  let logFd: number | undefined;
  if (spec.logFile) {
    mkdirSync(dirname(spec.logFile), { recursive: true });
    logFd = openSync(spec.logFile, 'w');
  }
  let outputBytes = 0;
  let truncated = false;

  const record = (chunk: Buffer) => {
    hash.update(chunk);
    const room = Math.max(0, cap - outputBytes);
    outputBytes += chunk.length;
    const kept = chunk.length <= room ? chunk : chunk.subarray(0, room);
    if (kept.length < chunk.length && !truncated) {
      truncated = true;
      if (logFd !== undefined) writeSync(logFd, kept);
      if (logFd !== undefined) writeSync(logFd, `\n[output truncated at ${cap} bytes; the sha256 covers all of it]\n`);
    } else if (!truncated && logFd !== undefined) {
      writeSync(logFd, kept);
    }
    splitter.push(chunk.toString('utf8'));
  };

  return new Promise((resolve) => {
    let timedOut = false;
    let aborted = false;
    let spawnError: string | undefined;
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true,
    });
    const endGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const stop = () => {
      endGroup('SIGTERM');
      setTimeout(() => endGroup('SIGKILL'), KILL_GRACE_MS).unref();
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, spec.timeoutMs);
    const onAbort = () => {
      aborted = true;
      stop();
    };
    spec.signal?.addEventListener('abort', onAbort, { once: true });
    if (spec.signal?.aborted) onAbort();

    child.stdout?.on('data', record);
    child.stderr?.on('data', record);
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error.code === 'ENOENT' ? `${spec.argv[0]} not found` : `${spec.argv[0]} could not start: ${error.message}`;
    });
    // A background grandchild may hold the pipes open; once the command itself has
    // exited, its group is done.
    child.on('exit', () => endGroup('SIGKILL'));
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
      // Whatever the child left running in its group goes with it.
      endGroup('SIGKILL');
      splitter.end();
      if (logFd !== undefined) {
        if (spawnError) writeSync(logFd, `${spawnError}\n`);
        fsyncSync(logFd);
        closeSync(logFd);
      }
      resolve({
        exitCode: spawnError ? null : exitCode,
        signal,
        timedOut,
        aborted,
        ...(spawnError ? { spawnError } : {}),
        durationMs: Date.now() - started,
        outputBytes,
        outputSha256: hash.digest('hex'),
        truncated,
        tail,
      });
    });
  });
}

/** What evidence records of a finished process: the same fields for gate steps and compatibility runs. */
export interface ProcessFacts {
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  durationMs: number;
  outputSha256: string;
  outputBytes: number;
  truncated: boolean;
  tail: string[];
  log?: string;
}

export function processFacts(run: ProcessResult, log?: string): ProcessFacts {
  const { exitCode, signal, timedOut, durationMs, outputSha256, outputBytes, truncated, tail } = run;
  return { exitCode, signal, timedOut, durationMs, outputSha256, outputBytes, truncated, tail, ...(log ? { log } : {}) };
}
