import { type ExecutorContext, logger } from '@nx/devkit';
import { readLatestCompatResult } from '../../lib/compat/compat-store';
import { notInWorkspace, statedConsumers } from '../../lib/consumers/resolve-consumers';
import { itemsOfShard, parseShard } from '../../lib/ci/compat-shard';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { queryNx, runNx } from '../run-nx';
import { normalizeOptions } from './normalize-options';
import type { CompatRunExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function compatRunExecutor(raw: CompatRunExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const { target } = options;
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  // Named by the data, not runnable here: said on every run, and in the JSON, so no one reads their absence as a pass.
  const everyConsumer = !options.affected && options.shard === undefined;
  const notHere = everyConsumer ? statedConsumers(data) : [];
  for (const consumer of notHere) logger.warn(`Not run: ${notInWorkspace(consumer)}.`);
  const shard = options.shard === undefined ? undefined : parseShard(String(options.shard));
  if (shard && !shard.ok) {
    logger.error(shard.reason);
    return { success: false };
  }
  let selected = consumers;
  if (options.affected) {
    const revisions = [...(options.base ? [`--base=${options.base}`] : []), ...(options.head ? [`--head=${options.head}`] : [])];
    const shown = queryNx(context.root, ['show', 'projects', '--affected', `--withTarget=${target}`, '--json', ...revisions]);
    const affected = shown.ok && shown.exitCode === 0 ? parseProjectList(shown.stdout) : undefined;
    if (!affected) {
      logger.error(`Could not compute the affected projects: ${shown.ok ? `${shown.stdout}${shown.stderr}`.trim() || `nx exited ${shown.exitCode}` : shown.reason}`);
      return { success: false };
    }
    selected = consumers.filter((c) => affected.has(c.project));
  }
  const reached = selected.length;
  if (shard) selected = itemsOfShard(selected, (c) => c.project, shard.shard);
  const notRun = notHere.map((c) => ({ consumer: c.name, result: 'not-in-workspace', reason: notInWorkspace(c) }));
  if (selected.length === 0) {
    if (notRun.length) writeJsonReport(context.root, options.json, { kind: 'nx-governance/compat-run', affected: options.affected, consumers: notRun });
    logger.info(`No consumer to run${options.affected && reached === 0 ? ': the change reaches none' : ''}${shard && reached ? ` in shard ${options.shard} (${reached} in all)` : ''}.`);
    return { success: true };
  }
  logger.info(`Running ${target} for ${selected.length} of ${consumers.length} consumer(s)${shard ? ` (shard ${options.shard})` : ''}: ${selected.map((c) => c.name).join(', ')}`);
  const run = await runNx(
    context.root,
    ['run-many', `--target=${target}`, `--projects=${selected.map((c) => c.project).join(',')}`, `--parallel=${options.parallel}`, '--outputStyle=stream'],
  );
  if (!run.ok) logger.error(run.reason);

  const rows = selected.map((consumer, index) => {
    const record = readLatestCompatResult(context.root, data.settings, consumer.name);
    logger.info(
      `[${index + 1}/${selected.length}] ${consumer.name.padEnd(20)} ${(record?.result ?? 'no result').padEnd(13)} ${record?.reason ?? ''}`,
    );
    return { consumer: consumer.name, project: consumer.project, result: record?.result ?? 'missing', reason: record?.reason, digest: record?.digest };
  });
  writeJsonReport(context.root, options.json, { kind: 'nx-governance/compat-run', affected: options.affected, ...(shard ? { shard: shard.shard } : {}), consumers: [...rows, ...notRun] });
  return { success: run.ok && run.exitCode === 0 };
}

/** `nx show projects --json`'s answer, or undefined when it is not a list of names. */
function parseProjectList(stdout: string): Set<string> | undefined {
  try {
    const parsed: unknown = JSON.parse(stdout);
    return Array.isArray(parsed) && parsed.every((name) => typeof name === 'string') ? new Set(parsed) : undefined;
  } catch {
    return undefined;
  }
}

export default withOneLineWriteErrors(compatRunExecutor);
