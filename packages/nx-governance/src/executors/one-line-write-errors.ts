import { type ExecutorContext, logger } from '@nx/devkit';
import { FileWriteError } from '../lib/fs/file-write-error';

type Executor<T> = (options: T, context: ExecutorContext) => Promise<{ success: boolean }>;

/**
 * An executor whose failed writes (a full disk, a read-only folder) end it
 * with one line naming the file instead of a stack trace. Writes are atomic,
 * so what was written before is intact; anything else still throws.
 */
export function withOneLineWriteErrors<T>(executor: Executor<T>): Executor<T> {
  return async (options, context) => {
    try {
      return await executor(options, context);
    } catch (error) {
      if (!(error instanceof FileWriteError)) throw error;
      logger.error(error.message);
      return { success: false };
    }
  };
}
