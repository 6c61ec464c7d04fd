import type { ImportLog } from './import-log';
import { plainText, slug } from './markdown-document';

/** Who owns the decision log and the compatibility matrix, as the prose says. */
export interface CadenceOwnership {
  decisionLog?: string;
  compatibilityMatrix?: string;
}

type Owned = keyof CadenceOwnership;

/** What cadence.json records an owner of, by how the prose names it. */
function ownedThing(what: string): Owned | undefined {
  if (/\bdecision log\b/i.test(what)) return 'decisionLog';
  if (/\bcompat\w*\s+(matrix|table)\b|\btuples?\s+table\b/i.test(what)) return 'compatibilityMatrix';
  return undefined;
}

/**
 * "Decision log: maintainer. Tuples table: release owner." and "The decision
 * log belongs to the release lead, the validation page to the core lane owner
 * and …": each thing with its owner, or undefined when the text is not such a
 * statement.
 */
export function ownershipStatements(text: string): Array<{ what: string; who: string }> | undefined {
  const sentences = plainText(text).split(/(?<=\.)\s+/).map((s) => s.replace(/\.$/, '').trim()).filter(Boolean);
  const statements = sentences.flatMap((sentence) => {
    const colon = /^([\w' -]{1,40}):\s*([^:]+)$/.exec(sentence);
    if (colon) return [{ what: colon[1].trim(), who: colon[2].trim() }];
    if (!/\bbelongs? to\b/i.test(sentence)) return [undefined];
    return sentence
      .replace(/\bbelongs? to\b/i, 'to')
      .split(/,\s*|\s+and\s+(?=the\s)/i)
      .map((part) => /^(?:the\s+)?(.+?)\s+to\s+(?:the\s+)?(.+)$/i.exec(part.trim()))
      .map((m) => (m ? { what: m[1], who: m[2] } : undefined));
  });
  if (statements.some((s) => !s) || !statements.some((s) => ownedThing(s!.what))) return undefined;
  return statements as Array<{ what: string; who: string }>;
}

/** Records the statements' owners of the decision log and the compatibility matrix; an owner of anything else is listed for review. */
export function recordOwnership(statements: Array<{ what: string; who: string }>, where: { file: string; line: number }, ownership: CadenceOwnership, log: ImportLog): void {
  for (const { what, who } of statements) {
    const thing = ownedThing(what);
    const role = slug(who);
    if (thing) {
      ownership[thing] = role;
      log.converted.push({ ...where, what: `owner of the ${what.toLowerCase()}`, why: `${role} (cadence ownership.${thing})` });
    } else log.review.push({ ...where, what: `owner of the ${what.toLowerCase()}`, why: `${role}: cadence.json records owners of the decision log and the compatibility matrix only` });
  }
}
