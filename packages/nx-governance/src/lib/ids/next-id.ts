import type { IdPatterns } from './id-patterns';

/**
 * The id after the highest of `ids`: its last number plus one, keeping its
 * width (M6 -> M7, M7-T09 -> M7-T10, REL-3.2 -> REL-3.3). Undefined when
 * there is no id or the highest has no number.
 */
export function nextIdAfter(ids: readonly string[]): string | undefined {
  const highest = [...ids].sort(compareIds).at(-1);
  const last = highest ? /(\d+)(?!.*\d)/.exec(highest) : null;
  if (!highest || !last) return undefined;
  const next = String(Number(last[1]) + 1).padStart(last[1].length, '0');
  return `${highest.slice(0, last.index)}${next}${highest.slice(last.index + last[1].length)}`;
}

/** Ids in the order people count them: M2 before M10, REL-3.2 before REL-3.10. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** The first task id of a milestone: the first of these its pattern accepts (the default form first). */
const firstTaskIds = (milestone: string) => [`${milestone}-T01`, `${milestone}.1`, `${milestone}-1`, `${milestone}-01`, `${milestone}.01`, `${milestone}-T1`, `${milestone}T01`];

/** The first milestone id: the first of these the pattern accepts; any other form needs an explicit id. */
const FIRST_MILESTONE_IDS = ['M1', 'M01', '1'];

export type NextId = { ok: true; id: string } | { ok: false; reason: string };

/** The milestone id after the highest of `existing` (or the first one), in the configured form. */
export function nextMilestoneId(ids: IdPatterns, existing: readonly string[]): NextId {
  const candidates = existing.length ? [nextIdAfter(existing)] : FIRST_MILESTONE_IDS;
  const id = candidates.find((c): c is string => c !== undefined && ids.matches('milestone', c));
  if (id) return { ok: true, id };
  const after = existing.length ? `after ${[...existing].sort(compareIds).at(-1)}` : 'when there is none yet';
  return { ok: false, reason: `cannot tell the next milestone id ${after}, expected one given with --id: ${ids.describe('milestone')}` };
}

/** The task id after the highest of a milestone's cards (or its first one), in the configured form. */
export function nextTaskId(ids: IdPatterns, milestone: string, existing: readonly string[]): NextId {
  const candidates = existing.length ? [nextIdAfter(existing)] : firstTaskIds(milestone);
  const id = candidates.find((c): c is string => c !== undefined && ids.milestoneOf(c) === milestone);
  if (id) return { ok: true, id };
  const after = existing.length ? `after ${[...existing].sort(compareIds).at(-1)}` : `for the first card (tried ${firstTaskIds(milestone).join(', ')})`;
  return { ok: false, reason: `cannot tell the next task id of ${milestone} ${after}, expected ${ids.describe('task')} whose milestone group is ${milestone}; add the card by hand` };
}
