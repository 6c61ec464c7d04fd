import { compileIdPatterns, type IdPatterns } from '../ids/id-patterns';
import { expandSlashRange } from '../milestone/parse-task-card';

export interface ExpandedGateList {
  gates: string[];
  /** The parts of the text that name no known gate, as written (with why, when it is a gate-like word). */
  unresolved: string[];
  /** Every gate id the text names, known or not (ranges written out; a pattern names none): what the prose names. */
  named: string[];
}

/** `<id>/002/003`: the first id, then other endings of its last part. */
const SLASH_RANGE = /^([A-Za-z0-9][A-Za-z0-9._-]*[-.])([A-Za-z0-9]+)((?:\/[A-Za-z0-9]+)+)$/;
/** `<id>..005`, `<id>–<id>`, `<id> to <id>`: every number between, at the width written. */
const SPAN = /^([A-Za-z0-9][A-Za-z0-9._-]*?[-.])(\d+)\s*(?:\.\.|–|—|-|\bto\b|\bthrough\b)\s*(?:\1)?(\d+)$/i;
const CLASS_REFERENCE = /\b(R\d+(?:\s*\/\s*R\d+)*)\b.*\bgates?\b/i;
/** "everything in R2", "everything R1 needs", "all of R1": the gates of another class. */
const CLASS_INHERITED = /^(?:everything|all(?:\s+of)?|whatever)\s+(?:(?:in|of|from)\s+)?(R\d+(?:\s*\/\s*R\d+)*)(?:\s+(?:needs|requires|has|includes))?$/i;
/** Separators of a list: commas, semicolons, `+`, "and", "plus", line breaks and parentheses. */
const SEPARATOR = /\s*(,|;|\+|<br\s*\/?>|\band\b|\bplus\b|\(|\)|\[|\])\s*/i;
/** Words a list may hold around its ids without naming anything. */
const FILLER = /^(?:the|all|also|applicable|gates?|only|optional|or|either|both|any|every|each|where|relevant)$/i;

/**
 * The gates a prose gate list names, expanded against the known gates:
 * `VG-X-001/002/003`, `VG-X-001..003`, `VG-X-*`, "all R1/R2 gates + VG-Y-001",
 * comma, `+`, "and", "plus" and parenthesised lists (a label such as "consumer
 * tuple gates (VG-A, VG-B)" introduces the list in brackets). Prose that names
 * no gate is returned as unresolved, never split into words.
 */
export function expandGateList(
  text: string,
  known: readonly string[],
  classes: ReadonlyMap<string, readonly string[]>,
  ids: IdPatterns = compileIdPatterns(),
): ExpandedGateList {
  const gates: string[] = [];
  const taken = new Set<string>();
  const unresolved: string[] = [];
  const named = new Set<string>();
  const add = (list: readonly string[]) => list.forEach((id) => taken.has(id) || (taken.add(id), gates.push(id)));
  const pieces = text.replace(/`/g, '').split(SEPARATOR);
  // Whether the text is inside parentheses that follow a gate: "VG-X-001 (advisory — see ADR-7)" remarks on the gate.
  let remarkDepth = 0;
  let lastNamedGate = false;
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i].trim().replace(/\.$/, '');
    const opener = pieces[i - 1];
    if (opener === '(' || opener === '[') remarkDepth += remarkDepth > 0 || lastNamedGate ? 1 : 0;
    if ((opener === ')' || opener === ']') && remarkDepth > 0) remarkDepth--;
    const remark = remarkDepth > 0 && !part.split(/\s+/).some((w) => isGateWord(w, ids)) && !CLASS_REFERENCE.test(part);
    lastNamedGate = part.split(/\s+/).some((w) => isGateWord(w, ids));
    if (part === '' || part === '-' || remark) continue;
    const opensList = pieces[i + 1] === '(' || pieces[i + 1] === '[';
    const span = SPAN.exec(part);
    if (span && ids.matches('gate', `${span[1]}${span[2]}`)) {
      expandSpan(span, known, add, unresolved, part).forEach((id) => named.add(id));
      continue;
    }
    const words = part.split(/\s+/);
    const gateWords = words.filter((w) => isGateWord(w, ids));
    const rest = words.filter((w) => !isGateWord(w, ids) && !FILLER.test(w));
    if (gateWords.length && rest.length === 0) {
      for (const word of gateWords) expandWord(word, known, add, unresolved).forEach((id) => named.add(id));
      continue;
    }
    const classes_ = (CLASS_REFERENCE.exec(part) ?? CLASS_INHERITED.exec(part))?.[1].split('/').map((c) => c.trim());
    const unknownClass = classes_?.find((c) => !classes.has(c));
    if (classes_ && !unknownClass) classes_.forEach((c) => add(classes.get(c) ?? []));
    else if (opensList && gateWords.length === 0 && /\bgates?$/i.test(part)) continue;
    else unresolved.push(unknownClass ? `${part} (no release class ${unknownClass} yet)` : part);
  }
  return { gates, unresolved, named: [...named] };
}

function isGateWord(word: string, ids: IdPatterns): boolean {
  if (ids.matches('gate', word)) return true;
  if (word.includes('*')) return /^[A-Za-z0-9][A-Za-z0-9._*-]*$/.test(word);
  const range = SLASH_RANGE.exec(word);
  return !!range && ids.matches('gate', `${range[1]}${range[2]}`);
}

/** The gate ids the word names (none for a pattern). */
function expandWord(word: string, known: readonly string[], add: (ids: string[]) => void, unresolved: string[]): string[] {
  if (SLASH_RANGE.test(word)) {
    const ids = expandSlashRange(word);
    const missing = ids.filter((id) => !known.includes(id));
    if (missing.length) unresolved.push(`${word} (${missing.join(', ')} not a gate of the matrix)`);
    add(ids.filter((id) => known.includes(id)));
    return ids;
  }
  if (word.includes('*')) {
    const pattern = new RegExp(`^${word.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    const matches = known.filter((id) => pattern.test(id));
    if (matches.length) add(matches);
    else unresolved.push(`${word} (matches no gate)`);
    return [];
  }
  if (known.includes(word)) add([word]);
  else unresolved.push(`${word} (not a gate of the matrix)`);
  return [word];
}

/** The gate ids the range names. */
function expandSpan(span: RegExpExecArray, known: readonly string[], add: (ids: string[]) => void, unresolved: string[], part: string): string[] {
  const [, prefix, from, to] = span;
  const [first, last] = [Number(from), Number(to)];
  if (last < first || last - first > 1000) {
    unresolved.push(`${part} (not a range)`);
    return [];
  }
  const ids = Array.from({ length: last - first + 1 }, (_, k) => `${prefix}${String(first + k).padStart(from.length, '0')}`);
  const missing = ids.filter((id) => !known.includes(id));
  if (missing.length) unresolved.push(`${part} (${missing.join(', ')} not a gate of the matrix)`);
  add(ids.filter((id) => known.includes(id)));
  return ids;
}
