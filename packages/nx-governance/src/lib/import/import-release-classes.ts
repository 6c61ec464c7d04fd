import type { IdPatterns } from '../ids/id-patterns';
import { expandGateList } from './gate-lists';
import { sentences } from './import-gate-prose';
import type { ImportLog } from './import-log';
import { column, type MarkdownSection, type MarkdownTable, plainText } from './markdown-document';

export interface ImportedReleaseClass {
  id: string;
  title: string;
  description?: string;
  gates: string[];
}

/** What the classes are read against: the gates the prose defines, the classes read so far (by id), and where results go. */
export interface ReleaseClassContext {
  known: readonly string[];
  classes: Map<string, string[]>;
  releaseClasses: ImportedReleaseClass[];
  ids: IdPatterns;
  /** Gate ids the class lists name, defined by the prose or not. */
  named: Set<string>;
}

/** "R0 — docs only: VG-DOC-001", "**R1 (patch):** …", "R2: …": the class, its title, its gate list. */
const CLASS_ITEM = /^(R\d+)\b\s*(?:[—–-]\s*([^:]+?)|\(([^)]+)\))?\s*:\s*(.+)$/;
/** "An R2 release changes what a consumer sees; it needs everything R1 needs plus VG-X": the class, what it is, its gate list. */
const CLASS_SENTENCE = /\b(R\d+)\b(?:\s+releases?)?\s*(.*?)[\s,;]*\b(?:and\s+|it\s+)?(?:needs|requires|must pass)\b\s+(.+?)\.?$/i;
/** Sentences that name the class used when none is given. */
const DEFAULT_CLASS = [
  /\b(R\d+)\b[^.\n]*\bdefault\b/i,
  /\bdefault\b[^.\n]*\b(R\d+)\b/i,
  /\b(?:when (?:unsure|in doubt)|if (?:nobody|no one|nothing) says otherwise|unless (?:[\w-]+\s+){0,3}?(?:says|said|stated|told|decides) otherwise)\b[^.\n]*?\b(R\d+)\b/i,
];

/** The class a text names as the default ("Default: R2.", "When unsure, use R2.", "Unless the release captain says otherwise, a release is R2."). */
export function readDefaultReleaseClass(text: string): string | undefined {
  for (const pattern of DEFAULT_CLASS) {
    const found = pattern.exec(text)?.[1];
    if (found) return found;
  }
  return undefined;
}

/** Classes from a table with a class column and a gates column. */
export function importReleaseClassTable(table: MarkdownTable, classColumn: number, gatesColumn: number, context: ReleaseClassContext, log: ImportLog): void {
  const titleColumn = column(table, /^title$/, /^name$/, /^scope$/);
  const descriptionColumn = column(table, /^description$/, /^meaning$/, /^when$/);
  for (const { line, cells } of table.rows) {
    const id = /R\d+/.exec(cells[classColumn] ?? '')?.[0];
    if (!id) {
      log.notUnderstood.push({ file: table.file, line, what: plainText(cells[classColumn] ?? ''), why: 'not a release class id like R2' });
      continue;
    }
    const description = plainText(cells[descriptionColumn] ?? '');
    addClass(id, plainText(cells[titleColumn] ?? ''), description, cells[gatesColumn] ?? '', { file: table.file, line }, context, log);
  }
  log.converted.push({ file: table.file, line: table.line, what: 'release classes', why: `${table.rows.length} class(es) with their gate sets` });
}

/**
 * Classes written without a table, under a heading that names release
 * classes: list items ("**R1 — patch:** VG-CORE-001..003") or sentences ("An
 * R1 release is a patch and needs VG-A and VG-B"). The sections read are
 * returned.
 */
export function importReleaseClassProse(sections: readonly MarkdownSection[], context: ReleaseClassContext, log: ImportLog): Set<MarkdownSection> {
  const used = new Set<MarkdownSection>();
  for (const section of sections.filter((s) => /\bclass(es)?\b/i.test(s.heading) && s.tables.length === 0)) {
    for (const item of section.items) {
      const match = CLASS_ITEM.exec(plainText(item.text));
      if (!match) continue;
      const where = { file: section.file, line: item.line };
      converted(addClass(match[1], (match[2] ?? match[3] ?? '').trim(), '', match[4], where, context, log), where, log);
      used.add(section);
    }
    for (const paragraph of section.text) {
      for (const sentence of sentences(paragraph.text)) {
        const match = CLASS_SENTENCE.exec(plainText(sentence));
        if (!match) continue;
        const title = match[2].replace(/^is\s+(?:an?\s+)?/i, '').replace(/[\s,;]+$/, '');
        const where = { file: section.file, line: paragraph.line };
        converted(addClass(match[1], title, plainText(sentence), match[3], where, context, log), where, log);
        used.add(section);
      }
    }
  }
  return used;
}

/** The class, unless one of its id was read before (listed); the gates it names that the prose does not define are listed. */
function addClass(id: string, title: string, description: string, gateList: string, where: { file: string; line: number }, context: ReleaseClassContext, log: ImportLog): ImportedReleaseClass | undefined {
  if (context.classes.has(id)) {
    log.review.push({ ...where, what: `release class ${id}`, why: 'defined twice; the first definition was kept' });
    return undefined;
  }
  const expanded = expandGateList(gateList, context.known, context.classes, context.ids);
  expanded.named.forEach((gate) => context.named.add(gate));
  for (const text of expanded.unresolved) log.review.push({ ...where, what: `${id} gates: ${text}`, why: 'names no gate of the prose; left out of the class' });
  context.classes.set(id, expanded.gates);
  const releaseClass = { id, title: title || id, ...(description ? { description } : {}), gates: expanded.gates };
  context.releaseClasses.push(releaseClass);
  return releaseClass;
}

function converted(releaseClass: ImportedReleaseClass | undefined, where: { file: string; line: number }, log: ImportLog): void {
  if (releaseClass) log.converted.push({ ...where, what: `release class ${releaseClass.id}`, why: `gates ${releaseClass.gates.join(', ') || 'none'}` });
}
