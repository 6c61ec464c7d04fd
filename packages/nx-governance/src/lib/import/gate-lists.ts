import { compileIdPatterns, type IdPatterns } from '../ids/id-patterns';

export interface ExpandedGateList {
  gates: string[];
  /** The parts of the text that name no known gate, as written (with why, when it is a gate-like word). */
  unresolved: string[];
}

/** `<id>/002/003`: the first id, then other endings of its last part; each expanded id is checked against the gate pattern. */
const SLASH_RANGE = /^([A-Za-z0-9][A-Za-z0-9._-]*[-.])([A-Za-z0-9]+)((?:\/[A-Za-z0-9]+)+)$/;
/** `<prefix>*`: every known gate that starts with the prefix. */
const WILDCARD = /^[A-Za-z0-9][A-Za-z0-9._-]*-\*$/;
const CLASS_REFERENCE = /\b(R\d+(?:\s*\/\s*R\d+)*)\b.*\bgates?\b/i;

/**
 * The gates a prose gate list names, expanded against the known gates:
 * `VG-X-001/002/003`, `VG-X-*`, "all R1/R2 gates + VG-Y-001", plain lists (gate ids of the configured form).
 * Prose that names no gate is returned as unresolved, never split into words.
 */
export function expandGateList(
  text: string,
  known: readonly string[],
  classes: ReadonlyMap<string, readonly string[]>,
  ids: IdPatterns = compileIdPatterns(),
): ExpandedGateList {
  const gates: string[] = [];
  const unresolved: string[] = [];
  const add = (ids: readonly string[]) => ids.forEach((id) => gates.includes(id) || gates.push(id));
  const parts = text
    .replace(/`/g, '')
    .split(/\s*(?:,|;|\+|<br\s*\/?>|\band\b)\s*/i)
    .map((part) => part.trim().replace(/\.$/, ''))
    .filter((part) => part !== '' && part !== '-');
  for (const part of parts) {
    const words = part.split(/\s+/);
    const isRange = (w: string) => SLASH_RANGE.test(w) && ids.matches('gate', w.split('/')[0]);
    if (words.every((w) => ids.matches('gate', w) || isRange(w) || WILDCARD.test(w))) {
      for (const word of words) expandWord(word, known, add, unresolved);
      continue;
    }
    const named = CLASS_REFERENCE.exec(part)?.[1].split('/').map((c) => c.trim());
    const unknownClass = named?.find((c) => !classes.has(c));
    if (named && !unknownClass) named.forEach((c) => add(classes.get(c) ?? []));
    else unresolved.push(unknownClass ? `${part} (no release class ${unknownClass} yet)` : part);
  }
  return { gates, unresolved };
}

function expandWord(word: string, known: readonly string[], add: (ids: string[]) => void, unresolved: string[]): void {
  const range = SLASH_RANGE.exec(word);
  if (range) {
    const ids = [range[2], ...range[3].split('/').filter(Boolean)].map((suffix) => `${range[1]}${suffix}`);
    const missing = ids.filter((id) => !known.includes(id));
    if (missing.length) unresolved.push(`${word} (${missing.join(', ')} not a gate of the matrix)`);
    add(ids.filter((id) => known.includes(id)));
  } else if (WILDCARD.test(word)) {
    const prefix = word.slice(0, -1);
    const matches = known.filter((id) => id.startsWith(prefix));
    if (matches.length) add(matches);
    else unresolved.push(`${word} (matches no gate)`);
  } else if (known.includes(word)) add([word]);
  else unresolved.push(`${word} (not a gate of the matrix)`);
}
