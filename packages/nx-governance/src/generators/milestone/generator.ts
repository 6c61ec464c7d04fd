import { formatFiles, type Tree } from '@nx/devkit';
import { parseMilestone } from '../../lib/milestone/parse-milestone';
import { renderNewMilestone } from '../../lib/milestone/render-milestone';
import { loadTreeGovernance } from '../governance-tree';
import { normalizeOptions } from './normalize-options';
import type { MilestoneGeneratorSchema } from './schema';

export default async function milestoneGenerator(tree: Tree, raw: MilestoneGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { data } = loadTreeGovernance(tree, options.settingsFile);
  const numbers = data.milestones.map((m) => Number(m.id.slice(1)));
  const previous = numbers.length ? Math.max(...numbers) : undefined;
  const id = `M${(previous ?? 0) + 1}`;
  const path = `${data.settings.paths.milestones}/${id}.md`;
  if (tree.exists(path)) throw new Error(`${path} already exists, expected the next milestone file to be free`);
  const text = renderNewMilestone({
    id,
    title: options.title.trim(),
    objective: options.objective?.trim() || 'State what this milestone delivers.',
    entryCriteria: [previous !== undefined ? `M${previous} complete with no unresolved release-blocking regressions.` : 'The work is scoped and owned.'],
    exitCriteria: splitList(options.exitCriteria, 'Every task card is done with passing evidence for its required gates.'),
  });
  const parsed = parseMilestone(path, text);
  if (!parsed.ok || parsed.diagnostics.length) throw new Error(`internal error: the new milestone does not parse (${path})`);
  tree.write(path, text);
  if (!options.skipFormat) await formatFiles(tree);
}

function splitList(text: string | undefined, fallback: string): string[] {
  const items = (text ?? '').split(';').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : [fallback];
}
