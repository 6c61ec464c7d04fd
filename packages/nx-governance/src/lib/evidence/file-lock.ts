import { lockSync } from 'proper-lockfile';
import { asFileWriteError } from '../fs/file-write-error';

/**
 * A lock is stale when its folder's mtime has not been refreshed for this
 * long: proper-lockfile refreshes it while the holder lives, so a killed run's
 * lock is taken over after at most this, not after minutes.
 */
const STALE_MS = 10_000;
const RETRY_MS = 25;

/**
 * Runs `work` while holding the lock folder `lockDir`, so two gate runs
 * appending to the same chain take turns. Synchronous like its callers; the
 * wait is longer than the staleness, so a lock left by a killed run is always
 * taken over before giving up and the run's result is written.
 */
export function withFileLock<T>(lockDir: string, work: () => T, timeoutMs = 3 * STALE_MS): T {
  const deadline = Date.now() + timeoutMs;
  let release: () => void;
  for (;;) {
    try {
      release = lockSync(lockDir, { lockfilePath: lockDir, realpath: false, stale: STALE_MS });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw asFileWriteError(lockDir, error);
      if (Date.now() > deadline) throw new Error(`${lockDir}: held by a live run for over ${timeoutMs / 1000}s, expected it released or stale within ${STALE_MS / 1000}s`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RETRY_MS);
    }
  }
  try {
    return work();
  } finally {
    release();
  }
}
