import { type ExecutorContext, logger } from '@nx/devkit';
import { join } from 'node:path';
import { runProcess } from '../../lib/process/run-process';
import { withInterruptSignal } from '../interrupt';
import { normalizeOptions } from './normalize-options';
import type { RunArgvExecutorSchema } from './schema';

/** Runs an argv from governance data (the core's build or test) without a shell, so no argument is ever split or expanded. */
export default async function runArgvExecutor(raw: RunArgvExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const run = await withInterruptSignal((signal) =>
    runProcess({
      argv: options.argv,
      cwd: join(context.root, options.cwd),
      timeoutMs: options.timeoutMinutes * 60_000,
      signal,
      echo: (line) => process.stdout.write(`${line}\n`),
    }),
  );
  const failure = run.spawnError ?? (run.timedOut ? `timed out after ${options.timeoutMinutes} minute(s)` : run.aborted ? 'interrupted' : run.exitCode === 0 ? undefined : `exited ${run.exitCode ?? run.signal}`);
  if (failure) logger.error(`${options.argv.join(' ')}: ${failure}`);
  return { success: !failure };
}
