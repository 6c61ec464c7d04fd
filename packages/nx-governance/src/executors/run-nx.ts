import { dirname, join } from 'node:path';
import { runProcess } from '../lib/process/run-process';
import { runProcessSync, type SyncProcessResult } from '../lib/process/run-process-sync';
import { withInterruptSignal } from './interrupt';

/** A nested Nx run that ended with an exit code, or why it did not run to its end. */
export type NxRun = { ok: true; exitCode: number } | { ok: false; reason: string };

/** Longest nested run (the gates of a release class, every consumer's compat): a stuck task must not hold CI forever. */
const NX_RUN_TIMEOUT_MS = 6 * 60 * 60_000;
/** Longest `nx show`: it computes the project graph, nothing more. */
const NX_SHOW_TIMEOUT_MS = 5 * 60_000;

/** The nx binary of the workspace's own installation, run by this node. */
function nxArgv(root: string, args: string[]): { ok: true; argv: string[] } | { ok: false; reason: string } {
  try {
    const packageJson = require.resolve('nx/package.json', { paths: [root] });
    const bin = require(packageJson).bin;
    return { ok: true, argv: [process.execPath, join(dirname(packageJson), typeof bin === 'string' ? bin : bin.nx), ...args] };
  } catch (error) {
    return { ok: false, reason: `nx is not installed in ${root}: ${(error as Error).message.split('\n')[0]}` };
  }
}

/** Runs nx with argv in `root` through the process runner, its output shown on this terminal; Ctrl-C ends it. */
export async function runNx(root: string, args: string[]): Promise<NxRun> {
  const nx = nxArgv(root, args);
  if (!nx.ok) return nx;
  const run = await withInterruptSignal((signal) =>
    runProcess({ argv: nx.argv, cwd: root, timeoutMs: NX_RUN_TIMEOUT_MS, signal, echo: (line) => process.stdout.write(`${line}\n`) }),
  );
  if (run.spawnError) return { ok: false, reason: run.spawnError };
  if (run.timedOut) return { ok: false, reason: `nx ${args.join(' ')} did not finish within ${NX_RUN_TIMEOUT_MS / 60_000} minutes` };
  if (run.aborted) return { ok: false, reason: `nx ${args.join(' ')} was interrupted` };
  if (run.exitCode === null) return { ok: false, reason: `nx ${args.join(' ')} was ended by ${run.signal}` };
  return { ok: true, exitCode: run.exitCode };
}

/** Runs a short nx query (`nx show ...`) and returns its whole output. */
export function queryNx(root: string, args: string[]): SyncProcessResult {
  const nx = nxArgv(root, args);
  return nx.ok ? runProcessSync({ argv: nx.argv, cwd: root, timeoutMs: NX_SHOW_TIMEOUT_MS }) : nx;
}
