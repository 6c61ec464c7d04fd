import { formatFiles, type Tree } from '@nx/devkit';
import { compareIds, nextMilestoneId } from '../../lib/ids/next-id';
import { parseMilestone } from '../../lib/milestone/parse-milestone';
import { renderNewMilestone } from '../../lib/milestone/render-milestone';
import { loadTreeGovernance } from '../governance-tree';
import { normalizeOptions } from './normalize-options';
import type { MilestoneGeneratorSchema } from './schema';

export default async function milestoneGenerator(tree: Tree, raw: MilestoneGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { data } = loadTreeGovernance(tree, options.settingsFile);
  const existing = data.milestones.map((m) => m.id);
  const id = options.id ?? nextMilestoneIdOrThrow(data.ids, existing);
  const problem = options.id !== undefined ? data.ids.problem('milestone', options.id) : undefined;
  if (problem) throw new Error(`--id: ${problem}`);
  if (existing.includes(id)) throw new Error(`--id: milestone ${id} already exists, expected a new id`);
  const previous = existing.filter((m) => compareIds(m, id) < 0).sort(compareIds).at(-1);
  const path = `${data.settings.paths.milestones}/${id}.md`;
  if (tree.exists(path)) throw new Error(`${path} already exists, expected the next milestone file to be free`);
  const text = renderNewMilestone({
    id,
    title: options.title.trim(),
    objective: options.objective?.trim() || 'State what this milestone delivers.',
    entryCriteria: [previous !== undefined ? `${previous} complete with no unresolved release-blocking regressions.` : 'The work is scoped and owned.'],
    exitCriteria: splitList(options.exitCriteria, 'Every task card is done with passing evidence for its required gates.'),
  });
  const parsed = parseMilestone(path, text, data.ids);
  if (!parsed.ok || parsed.diagnostics.length) throw new Error(`internal error: the new milestone does not parse (${path})`);
  tree.write(path, text);
  if (!options.skipFormat) await formatFiles(tree);
}

function nextMilestoneIdOrThrow(ids: Parameters<typeof nextMilestoneId>[0], existing: string[]): string {
  const next = nextMilestoneId(ids, existing);
  if (!next.ok) throw new Error(next.reason);
  return next.id;
}

function splitList(text: string | undefined, fallback: string): string[] {
  const items = (text ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : [fallback];
}
