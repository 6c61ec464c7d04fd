import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics';
import type { IdPatterns } from '../ids/id-patterns';
import { parseMilestone, parseStatus } from '../milestone';
import { fieldLine, splitGateIds } from '../milestone/parse-task-card';
import type { MilestoneDocument, TaskCard, TaskStatus } from '../milestone/model';
import { expandGateList } from './gate-lists';
import type { ImportLog } from './import-log';
import { column, type MarkdownDocument, type MarkdownTable, plainText } from './markdown-document';

export interface ImportedMilestone {
  file: string;
  id: string;
  cards: number;
  /** The text to copy: the original bytes, with statuses from a registry table set where a card has none. */
  content: string;
  /** Whether `content` differs from the prose (a gate list written out): then the milestone must be copied to be read. */
  rewritten: boolean;
}

/** The gates the prose defines, to write out a card's gate list that names them by pattern, range or class. */
export interface KnownGates {
  known: readonly string[];
  classes: ReadonlyMap<string, readonly string[]>;
}



export interface MilestoneImport {
  milestones: ImportedMilestone[];
  /** Files beside the milestones that are not milestones (an index README, a registry): not copied. */
  indexFiles: string[];
  problems: Diagnostic[];
  /** Two files that hold the cards of one milestone: each pair by file and line. */
  duplicates: string[];
  /** Documents read as milestones or runbooks: the others are read for gates, playbook, cadence… */
  taken: Set<string>;
  /** Gate ids the cards' gate lists name, defined by the prose or not: what readers check the data holds. */
  namedGates: Set<string>;
}

/**
 * A milestone file is one whose title names a milestone and that holds task
 * cards; any other file whose title names a milestone is a runbook, reported
 * and skipped. Two files with cards of one milestone are both named.
 */
export function importMilestones(
  documents: Array<{ file: string; text: string; markdown: MarkdownDocument }>,
  folder: string,
  ids: IdPatterns,
  log: ImportLog,
  gates: KnownGates = { known: [], classes: new Map() },
): MilestoneImport {
  const result: MilestoneImport = { milestones: [], indexFiles: [], problems: [], duplicates: [], taken: new Set(), namedGates: new Set() };
  for (const { file, text: prose, markdown } of documents) {
    const id = /^`?([^\s`:]+)/.exec(markdown.title)?.[1] ?? '';
    if (!ids.matches('milestone', id)) {
      if (/(^|\/)milestones\//i.test(file.slice(folder.length))) result.indexFiles.push(file);
      continue;
    }
    result.taken.add(file);
    const text = writeOutGateLists(file, prose, ids, gates, log, result.namedGates);
    const parsed = parseMilestone(file, text, ids);
    const cards = parsed.ok ? parsed.document.taskCards.length : 0;
    if (!parsed.ok || cards === 0) {
      log.review.push({ file, line: markdown.titleLine, what: 'runbook', why: `its title names milestone ${id} but it holds no task card (### <task> headings), so it is no milestone: skipped` });
      continue;
    }
    const first = result.milestones.find((m) => m.id === id);
    if (first) {
      result.duplicates.push(`milestone ${id} is defined twice: ${first.file}:1 and ${file}:${markdown.titleLine}`);
      continue;
    }
    result.milestones.push({ file, id, cards, content: text, rewritten: text !== prose });
    result.problems.push(...parsed.diagnostics);
    log.converted.push({ file, line: markdown.titleLine, what: `milestone ${id}`, why: `${cards} task card(s)` });
  }
  return result;
}

/**
 * The milestone with each card's gate list written out as gate ids when the
 * prose names gates by pattern (`VG-CORE-*`), range (`VG-A-001 through
 * VG-A-003`), release class or a labelled list ("plus applicable consumer
 * gates (`VG-B`, `VG-C`)"): the parts that name no gate of the prose are left
 * out of the card and listed for review, never read as gate ids.
 */
function writeOutGateLists(file: string, text: string, ids: IdPatterns, gates: KnownGates, log: ImportLog, named: Set<string>): string {
  const lines = text.split(/(?<=\n)/);
  let changed = false;
  lines.forEach((line, index) => {
    const eol = /\r?\n$/.exec(line)?.[0] ?? '';
    const field = fieldLine(line.slice(0, line.length - eol.length));
    if (!field || (field.key !== 'required gates' && field.key !== 'required gate') || field.value === '') return;
    const list = field.value;
    const words = splitGateIds(list);
    // A list of gate ids the prose defines is kept as written; anything else (a pattern, a range, a class, a label, a
    // gate the prose does not define) is written out, and what names no gate is listed for review.
    if (words.length === 0 || words.every((w) => ids.matches('gate', w) && gates.known.includes(w))) return;
    const expanded = expandGateList(list, gates.known, gates.classes, ids);
    expanded.named.forEach((id) => named.add(id));
    const where = { file, line: index + 1 };
    for (const part of expanded.unresolved) log.review.push({ ...where, what: `required gates: ${part}`, why: 'names no gate the prose defines; left out of the card' });
    log.converted.push({ ...where, what: `required gates: ${list}`, why: expanded.gates.length ? `written out as ${expanded.gates.join(', ')} in the copy` : 'no gate of the prose; the copy lists none' });
    lines[index] = `${field.prefix} ${expanded.gates.join(', ')}${eol}`;
    changed = true;
  });
  return changed ? lines.join('') : text;
}

/** A registry table: a task id column and a status column. */
export function isRegistryTable(table: MarkdownTable, ids: IdPatterns): boolean {
  const [task, status] = [column(table, /^task( id)?$/, /^card$/, /^id$/), column(table, /^status$/, /^state$/)];
  return task >= 0 && status >= 0 && table.rows.some((r) => ids.matches('task', plainText(r.cells[task] ?? '')));
}

/**
 * Statuses from registry tables, set on the cards of the milestones to copy
 * where a card states none; a card that states another status keeps its own,
 * and the difference is left for review.
 */
export function applyRegistryStatuses(tables: MarkdownTable[], milestones: ImportedMilestone[], ids: IdPatterns, copying: boolean, log: ImportLog): void {
  for (const table of tables) {
    const [taskColumn, statusColumn] = [column(table, /^task( id)?$/, /^card$/, /^id$/), column(table, /^status$/, /^state$/)];
    for (const { line, cells } of table.rows) {
      const task = plainText(cells[taskColumn] ?? '');
      const where = { file: table.file, line };
      const status = parseStatus(plainText(cells[statusColumn] ?? '').replace(/\s*\(.*$/, ''));
      const milestone = milestones.find((m) => cardsOf(m, ids).includes(task));
      const document = milestone ? parseMilestone(milestone.file, milestone.content, ids) : undefined;
      const card = document?.ok ? document.document.taskCards.find((c) => c.id === task) : undefined;
      if (!milestone || !document?.ok || !card || !status.value) {
        log.notUnderstood.push({ ...where, what: `status of ${task}`, why: !status.value ? `"${plainText(cells[statusColumn] ?? '')}" is not a task status` : `no task card ${task} in the milestones` });
        continue;
      }
      if (card.status && card.status.value !== status.value) {
        log.review.push({ ...where, what: `status of ${task}`, why: `the registry says ${status.value}, the card ${posix.basename(milestone.file)}:${card.status.line} says ${card.status.value}; the card's was kept` });
      } else if (!card.status && !copying) {
        log.review.push({ ...where, what: `status of ${task}`, why: `the registry says ${status.value}; the milestones are read where they are, so set it on the card by hand` });
      } else if (!card.status) {
        milestone.content = withStatusLine(document.document, card, status.value);
        log.converted.push({ ...where, what: `status of ${task}`, why: `${status.value}, set on the card in the copy of ${posix.basename(milestone.file)}` });
      } else log.converted.push({ ...where, what: `status of ${task}`, why: `${status.value}, as the card says` });
    }
  }
}

const cardIds = new WeakMap<ImportedMilestone, { content: string; ids: string[] }>();

/** The task ids of a milestone, parsed once per content. */
function cardsOf(milestone: ImportedMilestone, ids: IdPatterns): string[] {
  const known = cardIds.get(milestone);
  if (known?.content === milestone.content) return known.ids;
  const parsed = parseMilestone(milestone.file, milestone.content, ids);
  const found = parsed.ok ? parsed.document.taskCards.map((c) => c.id) : [];
  cardIds.set(milestone, { content: milestone.content, ids: found });
  return found;
}


/**
 * The milestone with a `- Status:` line as the card's last field, after a
 * blank line: nothing of the card follows it to be read as its continuation,
 * whatever form the card's other fields take (list items, bold labels, a table).
 */
function withStatusLine(document: MilestoneDocument, card: TaskCard, status: TaskStatus): string {
  const eol = document.eol;
  const body = card.raw.replace(/(\r?\n)*$/, '');
  const raw = `${body}${eol}${eol}- Status: ${status}${eol}${card.raw.slice(body.length)}`;
  return document.parts.map((p) => (p.kind === 'card' ? (p.card === card ? raw : p.card.raw) : p.raw)).join('');
}
