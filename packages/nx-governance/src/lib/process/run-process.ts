import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { BoundedEcho } from './bounded-echo';
import { CappedLog } from './capped-log';
import { echoBackpressure } from './echo-backpressure';
import { LineSplitter } from './line-splitter';
import { OutputTail } from './output-tail';
import { startReapWatchdog } from './reap-watchdog';
import { recordRunningStep } from './running-steps';
import { killStepTree, newStepMarker, signalStepTree, STEP_MARKER_VARIABLE, stepIdentity } from './step-tree';

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
  /** Called with every complete line of output (to parse it, e.g. test counts). */
  onLine?: (line: string) => void;
  /** Called with lines to show a person: the first ECHO_BYTES of output, then the last lines (see `BoundedEcho`). */
  echo?: (line: string) => void;
  /** Lets a caller stop the process (Ctrl-C): the whole process group is ended. */
  signal?: AbortSignal;
  /** Folder for the step's pid file, so that a run killed with SIGKILL can be cleaned up after (see `reapLeftoverSteps`). */
  runningDir?: string;
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
  /**
   * Processes the command started that were still running when it ended (or
   * when the runner began ending it, on timeout or Ctrl-C): the runner ended
   * them, since no process outlives its step.
   */
  leftRunning: number;
}

export const DEFAULT_OUTPUT_CAP = 50 * 1024 * 1024;
const TAIL_LINES = 50;
/** Bytes of the kept tail: the tail is for a person reading evidence, not a second log. */
export const TAIL_BYTES = 16 * 1024;
/** Output shown on the terminal (and so kept by Nx) per command; the log file has all of it. */
export const ECHO_BYTES = 2 * 1024 * 1024;
const KILL_GRACE_MS = 2_000;

/**
 * Runs one command in its own process group with a timeout and an output cap.
 * Output goes to the log file as it arrives; memory holds only a bounded tail.
 * On timeout, Ctrl-C and exit the whole step tree is ended (its group, and
 * descendants that left it; see `step-tree.ts`), so no process is left behind.
 */
export function runProcess(spec: ProcessSpec): Promise<ProcessResult> {
  const started = Date.now();
  const tail = new OutputTail(TAIL_LINES, TAIL_BYTES);
  const echo = new BoundedEcho(spec.echo, ECHO_BYTES);
  const splitter = new LineSplitter((line) => {
    tail.push(line);
    spec.onLine?.(line);
    echo.push(line);
  });
  const decoder = new StringDecoder('utf8');
  const marker = newStepMarker();

  // A log or pid file that cannot be written (a full disk) rejects with a FileWriteError once the step's tree is ended.
  return new Promise((resolve, reject) => {
    const log = new CappedLog(spec.logFile, spec.outputCapBytes ?? DEFAULT_OUTPUT_CAP);
    let timedOut = false;
    let aborted = false;
    let spawnError: string | undefined;
    const child = spawn(spec.argv[0], spec.argv.slice(1), {
      cwd: spec.cwd,
      env: { ...(spec.env ?? process.env), [STEP_MARKER_VARIABLE]: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      shell: false,
      windowsHide: true,
    });
    const step = child.pid === undefined ? undefined : stepIdentity(child.pid, marker);
    const leftRunning = new Set<number>();
    const endTree = (signal: NodeJS.Signals) => {
      for (const pid of step ? signalStepTree(step, signal, { group: true }) : []) if (pid !== child.pid) leftRunning.add(pid);
    };
    let forgetStep: (() => void) | undefined;
    try {
      forgetStep = step && spec.runningDir ? recordRunningStep(spec.runningDir, step, spec.argv) : undefined;
      if (spec.runningDir) startReapWatchdog(spec.runningDir);
    } catch (error) {
      log.failure ??= error;
      endTree('SIGKILL');
    }
    const stop = () => {
      endTree('SIGTERM');
      setTimeout(() => endTree('SIGKILL'), KILL_GRACE_MS).unref();
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

    const waitForEcho = echoBackpressure([child.stdout, child.stderr]);
    const record = (chunk: Buffer) => {
      log.write(chunk);
      splitter.push(decoder.write(chunk));
      if (!log.failure) return waitForEcho();
      child.stdout?.off('data', record);
      child.stderr?.off('data', record);
      child.stdout?.resume();
      child.stderr?.resume();
      endTree('SIGKILL');
    };
    child.stdout?.on('data', record);
    child.stderr?.on('data', record);
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error.code === 'ENOENT' ? `${spec.argv[0]} not found` : `${spec.argv[0]} could not start: ${error.message}`;
    });
    // A background grandchild may hold the pipes open; once the command itself has
    // exited, its tree is done.
    child.on('exit', () => endTree('SIGKILL'));
    child.on('close', async (exitCode, signal) => {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onAbort);
      // Whatever the child left running goes with it, before the run counts as over.
      if (step) for (const pid of await killStepTree(step)) leftRunning.add(pid);
      forgetStep?.();
      splitter.push(decoder.end());
      splitter.end();
      const written = log.close(spawnError);
      if (log.failure) return reject(log.failure);
      echo.finish(tail.lines(), spec.logFile);
      resolve({
        exitCode: spawnError ? null : exitCode,
        signal,
        timedOut,
        aborted,
        ...(spawnError ? { spawnError } : {}),
        durationMs: Date.now() - started,
        ...written,
        tail: tail.lines(),
        leftRunning: leftRunning.size,
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
  /** Set when the command left processes running, which the runner ended. */
  leftRunning?: number;
}

export function processFacts(run: ProcessResult, log?: string): ProcessFacts {
  const { exitCode, signal, timedOut, durationMs, outputSha256, outputBytes, truncated, tail, leftRunning } = run;
  return { exitCode, signal, timedOut, durationMs, outputSha256, outputBytes, truncated, tail, ...(log ? { log } : {}), ...(leftRunning ? { leftRunning } : {}) };
}
