import { dirname } from 'node:path';
import { type ExecutorContext, logger } from '@nx/devkit';
import { todayUtc } from '../../lib/dates';
import { writeFileAtomically } from '../../lib/fs/write-file-atomically';
import { buildPageModel } from '../../lib/page/page-model';
import { relativeHref } from '../../lib/page/relative-href';
import { renderPage } from '../../lib/page/render-page';
import { resolveInsideWorkspace } from '../../lib/fs/inside-workspace';
import { writeJsonReport } from '../../lib/reports/write-json-report';
import { isCalendarDate } from '../../lib/schemas/common';
import { diskFileReader } from '../../lib/workspace/file-reader';
import { currentTaskHashes } from '../nx-task-hash';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { loadGovernanceForExecutor } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { PageExecutorSchema } from './schema';

async function pageExecutor(raw: PageExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const asOf = options.asOf ?? todayUtc();
  if (!isCalendarDate(asOf)) {
    logger.error(`--asOf=${asOf}: expected a calendar date written YYYY-MM-DD`);
    return { success: false };
  }
  // Nx caches and restores what it writes, which it can only do inside the workspace.
  const paths = [options.output, ...(options.json ? [options.json] : [])].map((path) => resolveInsideWorkspace(context.root, path));
  const refused = paths.find((p) => !p.ok);
  if (refused && !refused.ok) {
    logger.error(`${refused.error} (Nx caches and restores the page there)`);
    return { success: false };
  }
  const [output, json] = paths.map((p) => (p.ok ? p.path : ''));
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const gates = (data.gates?.data.gates ?? []).map((g) => g.id);
  const currentHashes = await hashesOrUndefined(data.settings.projectName, gates);
  const model = buildPageModel({ root: context.root, reader: diskFileReader(context.root), data, consumers, asOf, currentHashes });
  writeFileAtomically(output, renderPage(model, relativeHref(context.root, dirname(output))));
  if (json) writeJsonReport(context.root, json, model);
  logger.info(`Governance page of ${model.project} as of ${asOf}: ${output}`);
  return { success: true };
}

/** Without Nx's hashes, no evidence can be shown as current: each gate then reads `unknown`, with the reason. */
async function hashesOrUndefined(project: string, gates: string[]): Promise<Record<string, string> | undefined> {
  try {
    return await currentTaskHashes(project, gates);
  } catch (error) {
    logger.warn(`Nx could not compute the gates' task hashes (${(error as Error).message}): no gate evidence is shown as current.`);
    return undefined;
  }
}

export default withOneLineWriteErrors(pageExecutor);
