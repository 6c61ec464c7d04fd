/** What each errno a full or failing disk gives means, in words. */
const CAUSES: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EIO: 'an input/output error from the device',
  EROFS: 'the file system is read-only',
};

/**
 * A file (log, record, report) could not be written. Expected on a full disk,
 * so executors print its message as one line instead of a stack trace; writes
 * are atomic, so the evidence written before it is unchanged.
 */
export class FileWriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`${path}: could not write: ${CAUSES[code] ?? 'a write error'} (${code}); the evidence written before is unchanged`, options);
    this.name = 'FileWriteError';
  }
}

/** `error` as a FileWriteError for `path` when it is an errno error of the file system; anything else as it is. */
export function asFileWriteError(path: string, error: unknown): unknown {
  if (error instanceof FileWriteError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? new FileWriteError(path, code, { cause: error }) : error;
}
