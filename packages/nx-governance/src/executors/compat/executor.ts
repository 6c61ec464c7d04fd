import { type ExecutorContext, logger } from '@nx/devkit';
import { bisectCore } from '../../lib/compat/bisect-core';
import { isCompatSuccess } from '../../lib/compat/compat-result';
import { runCompat } from '../../lib/compat/run-compat';
import { writeCompatResult } from '../../lib/compat/compat-store';
import { knownList } from '../../lib/text/known-list';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { resolveCore } from '../../lib/consumers/resolve-core';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { withInterruptSignal } from '../interrupt';
import { runningTaskHash } from '../nx-task-hash';
import { normalizeOptions } from './normalize-options';
import type { CompatExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function compatExecutor(raw: CompatExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const reader = diskFileReader(context.root);
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const consumer = consumers.find((c) => c.name === options.consumer);
  if (!consumer) {
    logger.error(`Unknown consumer "${options.consumer}", expected one of: ${knownList(consumers.map((c) => c.name), options.consumer)}`);
    return { success: false };
  }
  const { good } = options;
  if (options.bisect && !good) {
    logger.error('--bisect needs --good=<revision>, a core revision where the consumer passed');
    return { success: false };
  }
  const core = resolveCore(reader, data.settings);
  if (!core) {
    logger.error(`${data.settingsFile}: core: missing, expected the core project ${consumer.name} is tested against, e.g. "core": { "project": "my-lib" }`);
    return { success: false };
  }
  return withInterruptSignal(async (signal) => {
    const taskHash = runningTaskHash(context);
    let record = await runCompat({ root: context.root, settings: data.settings, core, consumer, log: (line) => logger.info(line), signal, ...(taskHash ? { taskHash } : {}) });
    if (good && options.bisect && !isCompatSuccess(record.result) && record.outcome === 'fail') {
      const bisect = await bisectCore({ root: context.root, core, consumer, settings: data.settings, good, log: (line) => logger.info(line), signal });
      const { digest: _old, ...unsealed } = record;
      record = writeCompatResult(context.root, data.settings, { ...unsealed, bisect });
    }
    writeJsonReport(context.root, options.json, record);
    const line = `[compat ${consumer.name}] ${record.result}: ${record.reason}${record.log ? `; log ${record.log}` : ''}`;
    if (isCompatSuccess(record.result)) logger.info(line);
    else logger.error(line);
    if (record.bisect) logger.info(`[compat ${consumer.name}] bisect: ${record.bisect.note}`);
    return { success: isCompatSuccess(record.result) };
  });
}

export default withOneLineWriteErrors(compatExecutor);
