import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';
import { readProcEntry } from './proc-table';
import { reapLeftoverSteps } from './running-steps';

const watched = new Set<string>();

/**
 * Starts, once per runner process and folder, a small node process in a
 * session of its own that holds a pipe from the runner. When the runner dies,
 * even by SIGKILL, the kernel closes the pipe and the watchdog ends the steps
 * the runner left (through their pid files) at once, instead of at the next
 * run. A CI cancel that kills Nx's process group does not reach it; one that
 * kills every process of the job leaves nothing to clean up, and the pid files
 * remain for the next run. Node has no prctl(PR_SET_PDEATHSIG), hence a pipe.
 */
export function startReapWatchdog(runningDir: string): void {
  // Unit tests run this file as TypeScript, which plain node cannot start: the next run reaps there.
  if (watched.has(runningDir) || !__filename.endsWith('.js')) return;
  watched.add(runningDir);
  try {
    const watchdog = spawn(process.execPath, [__filename, runningDir, String(process.pid)], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
    watchdog.on('error', () => watched.delete(runningDir));
    watchdog.unref();
    // The pipe must not keep the runner alive either; it closes when the runner exits.
    (watchdog.stdin as Socket | null)?.unref();
  } catch {
    watched.delete(runningDir);
  }
}

if (require.main === module) {
  const [runningDir, runnerPid] = process.argv.slice(2);
  // The pipe closes while the kernel is still ending the runner: until it is gone (or a zombie), reapLeftoverSteps
  // takes it for alive and leaves its steps, which a loaded machine showed (process-safety.e2e, 1 run in 4).
  const reap = (waited = 0): void => {
    if (readProcEntry(Number(runnerPid)) && waited < 5000) {
      setTimeout(() => reap(waited + 20), 20);
      return;
    }
    reapLeftoverSteps(runningDir);
    process.exit(0);
  };
  process.stdin.on('data', () => undefined);
  process.stdin.once('end', () => reap());
  process.stdin.once('error', () => reap());
}
