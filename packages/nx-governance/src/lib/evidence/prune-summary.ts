import type { PruneResult } from './prune-evidence';

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The lines a person reads after a prune: one per history (kept, pruned,
 * bytes freed, what stays pinned and why), the total, and for a dry run the
 * command that applies it.
 */
export function renderPruneSummary(result: Extract<PruneResult, { ok: true }>, applyCommand: string): string[] {
  const verb = result.applied ? 'pruned' : 'would prune';
  const lines: string[] = [];
  for (const plan of result.histories) {
    lines.push(`${plan.history}: kept ${plan.kept}, ${verb} ${plan.pruned} (${plan.remove.length} file(s), ${size(plan.bytes)})`);
    for (const { file, why } of plan.pinned) lines.push(`  ${file}: kept outside the history: ${why}`);
  }
  const pruned = result.histories.reduce((sum, p) => sum + p.pruned, 0);
  const files = result.histories.reduce((sum, p) => sum + p.remove.length, 0);
  const bytes = result.histories.reduce((sum, p) => sum + p.bytes, 0);
  lines.push(`Total: ${verb} ${pruned} record(s) of ${result.histories.length} history(ies), ${files} file(s), ${size(bytes)}${result.applied ? ' freed' : ''}; keeping the newest ${result.keep} of each.`);
  if (!result.applied) lines.push(`Dry run: nothing was deleted. To delete, run ${applyCommand}`);
  return lines;
}
