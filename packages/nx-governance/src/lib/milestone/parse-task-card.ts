import { type Diagnostic, error } from '../diagnostics';
import type { IdPatterns } from '../ids/id-patterns';
import { isCalendarDate } from '../schemas/common';
import { type CardField, TASK_STATUSES, type TaskCard, type TaskStatus } from './model';
import type { SourceLine } from './source-lines';

/** Field names the model understands, by their lower-case key. */
const KNOWN_FIELDS: Record<string, 'goal' | 'status' | 'work items' | 'acceptance criteria' | 'required gates' | 'release blocking'> = {
  goal: 'goal',
  status: 'status',
  'work items': 'work items',
  'acceptance criteria': 'acceptance criteria',
  'required gates': 'required gates',
  'required gate': 'required gates',
  'release blocking': 'release blocking',
  'release-blocking': 'release blocking',
};

/**
 * Field names that documents of this kind add. Work items are often written as
 * flat bullets with a colon in them ("- Publish playbook: `docs/…`"), so a flat
 * bullet inside a list is only taken as a new field when its name is known here
 * or it opens a list of its own (nothing after the colon).
 */
const COMMON_EXTRA_FIELDS = new Set([
  'tracking issue',
  'scope',
  'owner',
  'owners',
  'dependencies',
  'depends on',
  'notes',
  'risks',
  'evidence',
  'metrics to capture',
  'links',
  'references',
  'deliverables',
  'priority',
  'estimate',
]);

// `[\s\S]*` rather than `.*`: a carriage return inside a line would make `.*$` fail and backtrack over the whole line.
const BULLET = /^(\s*)[-*+]\s+([\s\S]*)$/;
const FIELD = /^([A-Za-z][A-Za-z0-9 _/-]{0,40}?)\s*:(?:\s+([\s\S]*))?$/;
/** A field name in bold or italics, maybe with its colon (or a full stop) inside: `**Status:**`, `**Status.**`, `**Status**`, `_Goal:_`. */
const EMPHASISED_NAME = /^(\*\*|__|\*|_)([A-Za-z][A-Za-z0-9 _/-]{0,40}?)([:.]?)\1([\s\S]*)$/;
/** What separates an emphasised name from its value when no colon does: a dash between spaces (`**Goal** — …`). */
const DASH_SEPARATOR = /^\s+[\u2014\u2013-](?=\s|$)/;

/**
 * The text of a line with the emphasis around a leading field name taken off
 * (`Name: value`), and whether there was some: many houses write a card's
 * fields as bold paragraphs or items (`**Status:** in progress`, `**Status.** Done`, `**Status**:
 * done`, `**Goal** — …`, or a known field alone, `**Work items**`, opening
 * its list) rather than `- Status: done`.
 */
function withoutEmphasis(text: string): { text: string; emphasised: boolean } {
  const match = EMPHASISED_NAME.exec(text);
  if (!match) return { text, emphasised: false };
  const [, , name, colonInside] = match;
  let rest = match[4];
  if (colonInside === '') {
    if (rest.startsWith(':')) rest = rest.slice(1);
    else if (DASH_SEPARATOR.test(rest)) rest = rest.replace(DASH_SEPARATOR, '');
    else if (!(rest.trim() === '' && KNOWN_FIELDS[name.toLowerCase().replace(/[_\s]+/g, ' ')])) return { text, emphasised: false };
  }
  if (rest !== '' && !/^\s/.test(rest)) return { text, emphasised: false };
  return { text: `${name}:${rest}`, emphasised: true };
}

/**
 * A line that names a card's field, in any form the parser reads (a list item
 * or a paragraph; the name plain or emphasised; a colon or a dash after it):
 * the text before its value, the field's key, and the value. For writers that
 * change a field's value where the card writes it.
 */
export function fieldLine(line: string): { prefix: string; key: string; value: string } | undefined {
  const bullet = BULLET.exec(line);
  const start = bullet ? line.length - bullet[2].length : line.length - line.trimStart().length;
  const body = line.slice(start);
  const plain = withoutEmphasis(body);
  const field = FIELD.exec(plain.text);
  if (!field) return undefined;
  const key = field[1].trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (!plain.emphasised && !bullet && !KNOWN_FIELDS[key]) return undefined;
  const value = (field[2] ?? '').trim();
  const valueAt = value === '' ? body.length : body.lastIndexOf(value);
  return { prefix: `${line.slice(0, start)}${body.slice(0, valueAt).trimEnd()}`, key, value };
}

export interface CardHeading {
  id: string;
  title: string;
  line: number;
  section: string;
}

/** Parses the lines of one task card (its heading excluded) into the model. */
export function parseTaskCard(
  file: string,
  heading: CardHeading,
  body: SourceLine[],
  raw: string,
  ids: IdPatterns,
): { card: TaskCard; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const fields: CardField[] = [];
  const strayLines: TaskCard['strayLines'] = [];
  let open: CardField | undefined;

  for (const line of body) {
    if (line.text.trim() === '') continue;
    const bullet = BULLET.exec(line.text);
    if (!bullet) {
      // A paragraph that names a field (`**Status:** done`, or `Status: done` for a field the model knows) opens it.
      const paragraph = withoutEmphasis(line.text.trim());
      const named = FIELD.exec(paragraph.text) ? asField(paragraph.text, false) : undefined;
      if (named && (paragraph.emphasised || KNOWN_FIELDS[named.key])) {
        open = { name: named.name, key: named.key, value: named.value, items: [], line: line.number };
        fields.push(open);
      } else if (open) appendContinuation(open, line.text.trim());
      else strayLines.push({ line: line.number, text: line.text });
      continue;
    }
    const [, indent, listed] = bullet;
    const content = withoutEmphasis(listed).text;
    const nestedInOpenList = open !== undefined && indent.length > 0;
    const field = nestedInOpenList ? undefined : asField(content, open !== undefined && open.value === '');
    if (field) {
      const created: CardField = { name: field.name, key: field.key, value: field.value, items: [], line: line.number };
      fields.push(created);
      open = created;
    } else if (open) {
      open.items.push(content.trim());
    } else {
      strayLines.push({ line: line.number, text: line.text });
    }
  }

  const card: TaskCard = {
    ...heading,
    workItems: [],
    acceptanceCriteria: [],
    requiredGates: [],
    releaseBlocking: false,
    fields,
    unknownFields: [],
    strayLines,
    raw,
  };
  for (const field of fields) applyField(file, card, field, diagnostics, ids);
  return { card, diagnostics };
}

function asField(content: string, insideList: boolean): { name: string; key: string; value: string } | undefined {
  const match = FIELD.exec(content);
  if (!match) return undefined;
  const name = match[1].trim();
  const key = name.toLowerCase().replace(/[_\s]+/g, ' ');
  const value = (match[2] ?? '').trim();
  if (KNOWN_FIELDS[key]) return { name, key, value };
  if (insideList && value !== '' && !COMMON_EXTRA_FIELDS.has(key)) return undefined;
  return { name, key, value };
}

function appendContinuation(field: CardField, text: string): void {
  if (field.items.length > 0) field.items[field.items.length - 1] += ` ${text}`;
  else field.value = field.value ? `${field.value} ${text}` : text;
}

function applyField(file: string, card: TaskCard, field: CardField, diagnostics: Diagnostic[], ids: IdPatterns): void {
  const listed = field.value ? [field.value, ...field.items] : field.items;
  switch (KNOWN_FIELDS[field.key]) {
    case 'goal':
      card.goal = [field.value, ...field.items].filter(Boolean).join(' ');
      return;
    case 'status': {
      const { value, date, problems } = parseStatus(field.value);
      for (const problem of problems) diagnostics.push(error(file, problem, { line: field.line, path: `${card.id}.status` }));
      if (value && problems.length === 0) card.status = date ? { value, date, line: field.line } : { value, line: field.line };
      return;
    }
    case 'work items':
      card.workItems.push(...listed);
      return;
    case 'acceptance criteria':
      card.acceptanceCriteria.push(...listed);
      return;
    case 'required gates':
      card.requiredGatesLine ??= field.line;
      for (const id of splitGateIds(listed.join(','))) {
        const problem = ids.problem('gate', id);
        if (problem) diagnostics.push(error(file, problem, { line: field.line, path: `${card.id}.requiredGates` }));
        else card.requiredGates.push(id);
      }
      return;
    case 'release blocking':
      card.releaseBlocking = /^(yes|true)$/i.test(field.value.replace(/`/g, ''));
      return;
    default:
      card.unknownFields.push(field);
  }
}

/** `VG-A`, `VG-B` and `VG-A, VG-B and VG-C` both name gates; `QG-TEST-01/02` names QG-TEST-01 and QG-TEST-02. */
export function splitGateIds(text: string): string[] {
  return text
    .replace(/`/g, '')
    .split(/[,;\s]+/)
    .map((s) => s.replace(/\.$/, ''))
    .filter((s) => s !== '' && !/^(and|or)$/i.test(s))
    .flatMap(expandSlashRange);
}

/** `<id>/02/03`: the id, then the same id with other endings of its last part. */
export function expandSlashRange(word: string): string[] {
  const range = /^([A-Za-z0-9][A-Za-z0-9._-]*[-.])([A-Za-z0-9]+)((?:\/[A-Za-z0-9]+)+)$/.exec(word);
  return range ? [range[2], ...range[3].split('/').filter(Boolean)].map((end) => `${range[1]}${end}`) : [word];
}

/** Reads `done`, `done (2026-02-19)`, `` `in_progress` ``; every problem with the text is listed. */
export function parseStatus(text: string): { value?: TaskStatus; date?: string; problems: string[] } {
  // A status mark before the word (✅ done, 🚧 in progress) says the same as the word.
  const match = statusParts(text.trim().replace(/^[^\p{L}`]+/u, ''));
  const expected = `expected one of ${TASK_STATUSES.join(', ')}, optionally followed by a date in parentheses, e.g. done (2026-02-19)`;
  if (!match) return { problems: [`found ${JSON.stringify(text)}, ${expected}`] };
  const problems: string[] = [];
  const value = statusWord(match[1]);
  const known = (TASK_STATUSES as readonly string[]).includes(value);
  if (!known) problems.push(`unknown status ${JSON.stringify(match[1].trim())}, ${expected}`);
  // A parenthesis that is not a date is a note ("blocked (waiting on fixtures)"); one that looks like a date must be one.
  const parenthesis = match[2]?.trim();
  const date = parenthesis !== undefined && /^\d/.test(parenthesis) ? parenthesis : undefined;
  if (date !== undefined && !isCalendarDate(date)) {
    problems.push(`malformed date ${JSON.stringify(date)} in status, expected a calendar date written YYYY-MM-DD`);
  }
  return { ...(known ? { value: value as TaskStatus } : {}), ...(date !== undefined ? { date } : {}), problems };
}

/** The status a word means: the model's own words, and the ones houses write for them ("Not started" is todo, "Complete" is done). */
function statusWord(text: string): string {
  const word = text.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if (/^(not_started|open|planned|to_?do|pending|new)$/.test(word)) return 'todo';
  if (/^(wip|ongoing|started|in_progress|active)$/.test(word)) return 'in_progress';
  if (/^(complete|completed|closed|finished|shipped)$/.test(word)) return 'done';
  return word;
}

/**
 * What `^`?([A-Za-z][A-Za-z _-]*?)`?\s*(?:\(([^)]*)\))?\s*$` captures of a
 * trimmed status, cut in code: as a pattern, a run of spaces before a stray
 * character costs V8 time cubic in its length.
 */
function statusParts(text: string): [string, string, string | undefined] | undefined {
  const open = text.indexOf('(');
  const word = (open === -1 ? text : text.slice(0, open)).trimEnd();
  const date = open === -1 ? undefined : text.slice(open + 1, -1);
  if (date !== undefined && (!text.endsWith(')') || date.includes(')'))) return undefined;
  const status = /^`?([A-Za-z][A-Za-z _-]*)`?$/.exec(word);
  return status ? [text, status[1], date] : undefined;
}
