import type { IdPatterns } from '../ids/id-patterns';
import type { ImportLog } from './import-log';

/** A role as prose names it: up to three words ending in a role word ("core lane owner", "release lead"). */
const ROLE = String.raw`[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?\s+(?:owner|lead|maintainer|manager|steward|captain|reviewer)s?\b`;
const JOINED_ROLES = String.raw`${ROLE}(?:\s*(?:,|\+|&|\band\b)\s*(?:the\s+)?${ROLE})*`;
const ROLES_IN_PARENTHESES = new RegExp(String.raw`\s*\((${JOINED_ROLES})\)`, 'gi');
const ROLES_AFTER_THE = new RegExp(String.raw`\bthe\s+(${JOINED_ROLES})`, 'i');

/**
 * Who a paragraph says does the activity: the roles it puts in parentheses
 * ("the contract stewards (core lane owner + undertow owner)"), else the first
 * roles it names ("the release lead and the tide-notebook owner"); "the" is no part of a role.
 */
export function rolesInProse(text: string): string | undefined {
  const named = [...text.matchAll(ROLES_IN_PARENTHESES)][0]?.[1] ?? ROLES_AFTER_THE.exec(text)?.[1];
  return named?.replace(/\bthe\s+/gi, '');
}

/** The text without the parentheses that only name roles or gates: they are the activity's owners and gate, not its title. */
export function withoutOwnersAndGates(text: string, ids: IdPatterns): string {
  return text
    .replace(ROLES_IN_PARENTHESES, '')
    .replace(/\s*\(([^()]*)\)/g, (whole, inner: string) => (onlyGates(inner, ids) ? '' : whole))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the text names gates and nothing else ("VG-A", "VG-A, VG-B"). */
export function onlyGates(text: string, ids: IdPatterns): boolean {
  return ids.findIn('gate', text).length > 0 && !text.replace(/[\w.-]+/g, (w) => (ids.matches('gate', w) ? '' : w)).replace(/[\s,;&+]|\band\b/g, '');
}

/**
 * The gate that records an activity: the one gate of the matrix its text names.
 * A gate id the matrix lacks (its own import is reported), or a second gate, is listed for review.
 */
export function recordingGate(texts: string[], knownGates: readonly string[], ids: IdPatterns, where: { file: string; line: number; what: string }, log: ImportLog): string | undefined {
  const named = [...new Set(texts.flatMap((t) => ids.findIn('gate', t)))];
  const known = named.filter((id) => knownGates.includes(id));
  const unknown = named.filter((id) => !knownGates.includes(id));
  // The ids stay out of this line: the gate's own import lists it, and this line is about the activity.
  if (unknown.length) log.review.push({ ...where, why: `names ${unknown.length === 1 ? 'a gate' : `${unknown.length} gates`} the validation matrix does not define (or that was not imported): no gate records the activity until it is added` });
  if (known.length > 1) log.review.push({ ...where, why: `names the gates ${known.join(', ')}; the first records the activity (an activity has one gate)` });
  return known[0];
}
