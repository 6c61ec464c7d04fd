import { posix } from 'node:path';
import { formatFiles, logger, type Tree, visitNotIgnoredFiles } from '@nx/devkit';

/** The id init gives the weekly run of every consumer's compat target. */
const INIT_COMPAT_RUN = 'compat-run';

/**
 * nx migrate, 0.3.0: init's `compat-run` cadence activity is recorded by the
 * consumers' compatibility results (`evidence: compat-results`), which cadence
 * now reads. Workspaces set up before had an activity that nothing could record,
 * so cadence called it overdue however often every consumer ran. An activity a
 * gate records, one that already says its evidence, and a file that does not
 * parse (validate names it) are left as they are.
 */
export default async function recordCompatRunsByResults(tree: Tree): Promise<void> {
  const updated: string[] = [];
  visitNotIgnoredFiles(tree, '', (file) => {
    if (posix.basename(file) !== 'governance.json') return;
    const cadenceFile = posix.join(posix.dirname(file), 'cadence.json');
    if (tree.exists(cadenceFile) && recordByResults(tree, cadenceFile)) updated.push(cadenceFile);
  });
  if (updated.length) logger.info(`The compat-run activity of ${updated.join(', ')} is now recorded by the consumers' compatibility results.`);
  await formatFiles(tree);
}

function recordByResults(tree: Tree, file: string): boolean {
  let data: { activities?: unknown };
  try {
    data = JSON.parse(tree.read(file, 'utf8') ?? '');
  } catch {
    return false;
  }
  if (!Array.isArray(data?.activities)) return false;
  const activity = data.activities.find((a): a is Record<string, unknown> => !!a && typeof a === 'object' && (a as { id?: unknown }).id === INIT_COMPAT_RUN);
  if (!activity || 'gate' in activity || 'evidence' in activity) return false;
  activity.evidence = 'compat-results';
  tree.write(file, `${JSON.stringify(data, null, 2)}\n`);
  return true;
}
