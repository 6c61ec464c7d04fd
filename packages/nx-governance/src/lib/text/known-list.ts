/** How a message lists the values that were expected: the nearest few, never a wall. */

const MAX_LISTED = 5;

/**
 * The known values for a message: all of them when there are few, else the
 * five nearest to what was written (`near`), so a typo among two hundred ids
 * reads as a suggestion rather than a wall.
 */
export function knownList(values: Iterable<string>, near?: string): string {
  const list = [...new Set(values)].sort();
  if (!list.length) return '(none defined)';
  if (list.length <= MAX_LISTED || near === undefined) return list.join(', ');
  const nearest = [...list].sort((a, b) => editDistance(near, a) - editDistance(near, b) || a.localeCompare(b)).slice(0, MAX_LISTED);
  return `${nearest.join(', ')} (the nearest ${MAX_LISTED} of ${list.length})`;
}

/** Levenshtein distance, case-insensitive: how many edits turn one id into the other. */
export function editDistance(a: string, b: string): number {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length];
}
