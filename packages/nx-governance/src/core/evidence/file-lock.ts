import { mkdirSync, rmSync, statSync } from 'node:fs';

const STALE_AFTER_MS = 5 * 60_000;

/**
 * Runs `work` while holding a lock directory (mkdir is atomic), so two gate
 * runs appending to the same chain take turns. A lock older than five minutes
 * belongs to a killed process and is taken over.
 */
export function withFileLock<T>(lockDir: string, work: () => T, timeoutMs = 60_000): T {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lockDir)) {
        rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`could not lock ${lockDir} within ${timeoutMs / 1000}s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
  try {
    return work();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

function isStale(lockDir: string): boolean {
  try {
    return Date.now() - statSync(lockDir).mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}
