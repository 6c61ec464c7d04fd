import { isCalendarDate } from '../schemas/common';
import type { ImportLog } from './import-log';
import { column, type MarkdownTable } from './markdown-tables';
import { type MarkdownSection, plainText, slug } from './markdown-sections';

export interface ImportedCompatibility {
  releases: Array<{ version?: string; commit?: string; date: string }>;
  consumers: string[];
  tuples: Array<Record<string, unknown> & { id: string; core: string }>;
  supportWindow?: { days?: number; months?: number; latestMinors?: number; tuples?: string[] };
  deprecationLeadTimeDays?: number;
  deprecations: Array<{ id: string; what: string; announced: string; removal: string }>;
}

const COMMIT = /^[0-9a-f]{7,40}$/;
const VERSION = /^\d+\.\d+\.\d+/;

/** A compatibility table: the core's column, one column per consumer, and the tuple, tier and validated columns when present. */
export function importCompatibilityTable(table: MarkdownTable, coreColumn: number, compat: ImportedCompatibility, log: ImportLog): void {
  const [tupleColumn, tierColumn, dateColumn] = [column(table, /^tuple$/, /^role$/, /^name$/), column(table, /^tier$/, /^status$/, /^support$/), column(table, /^validated$/, /^date$/, /^released?$/)];
  const consumerColumns = table.headers.map((h, i) => ({ name: h.replace(/`/g, ''), i })).filter(({ i }) => ![coreColumn, tupleColumn, tierColumn, dateColumn].includes(i));
  for (const { name } of consumerColumns) if (!compat.consumers.includes(name)) compat.consumers.push(name);
  for (const [index, { line, cells }] of table.rows.entries()) {
    const core = plainText(cells[coreColumn] ?? '');
    const date = plainText(cells[dateColumn] ?? '');
    const where = { file: table.file, line };
    const isCommit = COMMIT.test(core);
    if (!isCommit && !VERSION.test(core)) {
      log.notUnderstood.push({ ...where, what: `core ${JSON.stringify(core)}`, why: 'neither a version nor a commit' });
      continue;
    }
    if (!compat.releases.some((r) => (isCommit ? r.commit : r.version) === core)) {
      if (isCalendarDate(date)) compat.releases.push({ ...(isCommit ? { commit: core } : { version: core }), date });
      else log.review.push({ ...where, what: `release ${core}`, why: 'no date in the row; add it to releases by hand' });
    }
    const tier = /\b(supported|conditional|unsupported)\b/i.exec(cells[tierColumn] ?? '')?.[1].toLowerCase();
    const consumers = Object.fromEntries(consumerColumns.map(({ name, i }) => [name, plainText(cells[i] ?? '')]).filter(([, v]) => v && v !== '-'));
    compat.tuples.push({
      id: slug(cells[tupleColumn] ?? '', `row-${index + 1}`),
      core,
      consumers,
      ...(tier ? { tier } : {}),
      ...(isCalendarDate(date) ? { validated: date } : {}),
    });
  }
  log.converted.push({ file: table.file, line: table.line, what: 'compatibility table', why: `${table.rows.length} tuple(s) of ${compat.consumers.length} consumer(s)` });
}

/** The support window, lead time and deprecations as the prose states them. */
export function importCompatibilityPolicy(sections: MarkdownSection[], compat: ImportedCompatibility, log: ImportLog): void {
  for (const section of sections) {
    for (const { text, line } of [...section.text, ...section.items]) {
      const plain = plainText(text);
      const lead = /(?:at least\s+)?(\d+)\s+days?\s+before\s+removal|lead time[^.]*?(\d+)\s+days?/i.exec(plain);
      if (lead && /deprecat/i.test(plain)) {
        compat.deprecationLeadTimeDays = Number(lead[1] ?? lead[2]);
        log.converted.push({ file: section.file, line, what: 'deprecation lead time', why: `${compat.deprecationLeadTimeDays} days, as the document states` });
      }
      const window = /support\b[^.]*?(?:last|within)\s+(\d+)\s+(days?|months?)/i.exec(plain);
      if (window) {
        const tuples = [...plain.matchAll(/\bthe (\w+)(?: and the (\w+))? tuples?/gi)].flatMap((m) => [m[1], m[2]]).filter((t): t is string => !!t).map((t) => t.toLowerCase());
        compat.supportWindow = { ...(window[2].startsWith('day') ? { days: Number(window[1]) } : { months: Number(window[1]) }), ...(tuples.length ? { tuples } : {}) };
        log.converted.push({ file: section.file, line, what: 'support window', why: plain });
      }
    }
    for (const table of section.tables) {
      const [what, announced, removal] = [column(table, /^what$/, /^deprecat/), column(table, /^announced$/), column(table, /^removal$/, /^removed$/)];
      if (what < 0 || announced < 0 || removal < 0) continue;
      for (const row of table.rows) {
        const entry = { id: slug(row.cells[what] ?? '', 'deprecation'), what: plainText(row.cells[what] ?? ''), announced: plainText(row.cells[announced] ?? ''), removal: plainText(row.cells[removal] ?? '') };
        if (isCalendarDate(entry.announced) && isCalendarDate(entry.removal)) compat.deprecations.push(entry);
        else log.review.push({ file: table.file, line: row.line, what: `deprecation ${entry.what}`, why: 'announced and removal must be dates written YYYY-MM-DD' });
      }
    }
  }
}
