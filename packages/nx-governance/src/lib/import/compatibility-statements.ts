import * as semver from 'semver';
import { isCalendarDate } from '../schemas/common';
import { readCoreReference } from './core-references';
import { addConsumer, addTuple, type ImportedCompatibility, recordRelease, rowCore } from './import-compatibility';
import type { ImportLog } from './import-log';
import { type MarkdownSection, plainText, slug } from './markdown-document';

/**
 * Compatibility stated in words rather than in a table (the release-notes-style
 * fixture): releases in list items and sentences, a consumer's standing as a
 * bullet, the current and rollback tuples as bullets.
 */

/** Each list item that states a consumer's standing or a named tuple, in any section. */
export function importCompatibilityStatements(sections: MarkdownSection[], compat: ImportedCompatibility, log: ImportLog, coreNames: readonly string[]): void {
  for (const section of sections) for (const { text, line } of section.items) readConsumerStatement(plainText(text), { file: section.file, line }, compat, log, coreNames);
}

const TIER_WORDS: Record<string, string> = { validated: 'supported', supported: 'supported', conditional: 'conditional', unsupported: 'unsupported' };
/** "lattice-py (Python): validated on 1.2.0 …; conditional on 1.0.x (…)": a consumer, then what it was validated on. */
const CONSUMER_ITEM = /^([a-z0-9][a-z0-9._-]*)(?:\s*\([^)]*\))?\s*:\s*(.+)$/i;
const STANDING = /^(validated|supported|conditional|unsupported)\s+(?:on|against|with)\s+(.+)$/i;
/** "Current: lattice 1.2.0 with lattice-py 0.7.1, mesh-cli 2.3.0 and grid-ui 5.0.2": a named tuple. */
export const NAMED_TUPLE_ITEM = /^(current|rollback)(?:\s+tuple)?\s*:\s*(.+)$/i;

/**
 * A list item that states a consumer's standing in words, or a named tuple:
 * each "tier on <core> [(date)] [with <consumer> <version>] [(note)]" clause a
 * tuple (a release line such as 1.0.x read as the newest release the document
 * lists in it), each date in parentheses the release's date.
 */
function readConsumerStatement(plain: string, where: { file: string; line: number }, compat: ImportedCompatibility, log: ImportLog, coreNames: readonly string[]): void {
  const named = NAMED_TUPLE_ITEM.exec(plain);
  if (named) return readNamedTuple(named[1].toLowerCase(), named[2], where, compat, log, coreNames);
  const item = CONSUMER_ITEM.exec(plain);
  const clauses = item ? item[2].split(/\s*;\s*/).map((c) => STANDING.exec(c.replace(/\.$/, ''))) : [];
  if (!item || !clauses.length || clauses.some((c) => !c)) return;
  const name = addConsumer(compat, item[1], where, log);
  if (!name) return;
  let tuples = 0;
  for (const clause of clauses as RegExpExecArray[]) {
    for (const part of clause[2].split(/\s+and\s+(?:on\s+)?/i)) {
      const read = /^v?(\S+?)(?:\s*\((\d{4}-\d{2}-\d{2})\))?(?:\s+with\s+(?:([a-z0-9][\w.-]*)\s+)?v?(\S+?))?\s*(?:\((.+)\))?$/i.exec(part.trim());
      const core = read && rowCore(read[1], compat);
      if (!read || !core?.ok) {
        log.notUnderstood.push({ ...where, what: `${name}: ${JSON.stringify(part.trim())}`, why: core && !core.ok ? core.why : 'expected a core version, commit or release line, then "with <consumer> <version>"' });
        continue;
      }
      if (read[2]) recordRelease(compat, core.value, { date: read[2] });
      const note = [core.note, read[5]].filter(Boolean).join('; ');
      addTuple(compat, { id: slug(`${name} ${core.value}`, `${name}-tuple`), core: core.value, consumers: { [name]: read[4] ?? 'any' }, tier: TIER_WORDS[clause[1].toLowerCase()], date: read[2] ?? '', ...(note ? { note } : {}) }, where, log);
      tuples++;
    }
  }
  log.converted.push({ ...where, what: `consumer ${name}`, why: `${tuples} tuple(s) stated in words` });
}

function readNamedTuple(id: string, text: string, where: { file: string; line: number }, compat: ImportedCompatibility, log: ImportLog, coreNames: readonly string[]): void {
  const read = /^(?:([a-z0-9][\w.-]*)\s+)?v?(\S+)\s+with\s+(.+)$/i.exec(text.replace(/\.$/, ''));
  const core = read && (!read[1] || coreNames.includes(read[1].toLowerCase())) ? readCoreReference(read[2]) : undefined;
  if (!read || !core || core.kind === 'range') {
    log.notUnderstood.push({ ...where, what: `${id} tuple ${JSON.stringify(text)}`, why: 'expected "<core> <version> with <consumer> <version>, …"' });
    return;
  }
  const consumers: Record<string, string> = {};
  for (const part of read[3].replace(/\s*\([^)]*\)/g, '').split(/\s*,\s*|\s+and\s+/)) {
    const pair = /^([a-z0-9][\w.-]*)\s+v?(\S+)$/i.exec(part.trim());
    const name = pair && addConsumer(compat, pair[1], where, log);
    if (pair && name) consumers[name] = pair[2];
  }
  if (!Object.keys(consumers).length) return;
  addTuple(compat, { id, core: core.value, consumers, date: '' }, where, log);
  log.converted.push({ ...where, what: `tuple ${id}`, why: `core ${core.value} with ${Object.entries(consumers).map(([c, v]) => `${c} ${v}`).join(', ')}` });
}

/** The core's releases stated in list items and sentences, in any section. */
export function importReleaseStatements(sections: MarkdownSection[], compat: ImportedCompatibility, log: ImportLog): void {
  for (const section of sections) for (const { text, line } of [...section.text, ...section.items]) readReleaseSentence(plainText(text), { file: section.file, line }, compat, log);
}

/** "Released versions: 1.4.0 (2025-07-14), 1.5.2 (2025-10-30) and 1.6.0 (2026-01-08).": releases with their dates, in a sentence. */
function readReleaseSentence(plain: string, where: { file: string; line: number }, compat: ImportedCompatibility, log: ImportLog): void {
  // "2.4.1 — 2026-01-28 — `e1a2b3c`": an item that is a release, its date and its commit.
  const item = /^v?(\d+\.\d+\.\d+[\w.+-]*)\s*[—–:-]+\s*(\d{4}-\d{2}-\d{2})(?:\s*[—–:-]+\s*([0-9a-f]{7,40}))?$/.exec(plain);
  if (item && semver.valid(item[1]) && isCalendarDate(item[2])) {
    if (recordRelease(compat, item[1], { date: item[2], commit: item[3] }) !== 'known') log.converted.push({ ...where, what: `release ${item[1]}`, why: `dated ${item[2]}${item[3] ? `, commit ${item[3]}` : ''}` });
    return;
  }
  if (!/\b(?:releas|shipped|tagged|published|cut)/i.test(plain)) return;
  for (const [, written, inParentheses, afterOn] of plain.matchAll(/\b(v?\d+\.\d+\.\d+[\w.+-]*|[0-9a-f]{7,40})\s*(?:\((\d{4}-\d{2}-\d{2})\)|on\s+(\d{4}-\d{2}-\d{2}))/g)) {
    const date = inParentheses ?? afterOn;
    const reference = readCoreReference(written);
    if (!reference || reference.kind === 'range' || !isCalendarDate(date) || recordRelease(compat, reference.value, { date }) === 'known') continue;
    log.converted.push({ ...where, what: `release ${reference.value}`, why: `dated ${date}, as the sentence states` });
  }
  // "we shipped 1.0.3, 1.1.4 on …": a version the verb lists without a date is a release all the same, written undated.
  const V = String.raw`v?\d+\.\d+\.\d+[\w.+-]*(?:\s*\(\d{4}-\d{2}-\d{2}\)|\s+on\s+\d{4}-\d{2}-\d{2})?`;
  for (const [list] of plain.matchAll(new RegExp(String.raw`\b(?:shipped|released|tagged|published)\s+${V}(?:(?:\s*,\s*|\s+and\s+)${V})*`, 'gi'))) {
    for (const [written] of list.matchAll(/\bv?\d+\.\d+\.\d+[\w.+-]*/g)) {
      const version = semver.valid(written.replace(/^v/, ''));
      if (!version || recordRelease(compat, version) !== 'added') continue;
      log.review.push({ ...where, what: `release ${version}`, why: 'named as released without a date; written undated (the matrix orders it by its version; a window in months cannot place it)' });
    }
  }
}
