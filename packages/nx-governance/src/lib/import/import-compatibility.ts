import { isCalendarDate } from '../schemas/common';
import { COMMIT, readCoreReference, readRowEntry, rowEntries } from './core-references';
import type { ImportLog } from './import-log';
import { column, type MarkdownSection, type MarkdownTable, plainText, slug, uniqueId } from './markdown-document';

export interface ImportedCompatibility {
  releases: Array<{ version?: string; commit?: string; date: string }>;
  consumers: Array<{ name: string; supports?: string }>;
  tuples: Array<Record<string, unknown> & { id: string; core: string; consumers: Record<string, string> }>;
  /** Where each tuple came from, for the report and for problems that name it. */
  tupleLines: Array<{ file: string; line: number }>;
  supportWindow?: { days?: number; months?: number; latestMinors?: number; tuples?: string[] };
  deprecationLeadTimeDays?: number;
  deprecations: Array<{ id: string; what: string; announced: string; removal: string }>;
  deprecationLines: Array<{ file: string; line: number }>;
  /** Every consumer the tables name, also those whose name could not be used. */
  namedConsumers: string[];
  /** Where each consumer is first named, for the report. */
  consumerLines: Map<string, { file: string; line: number }>;
}

export const emptyCompatibility = (): ImportedCompatibility => ({ releases: [], consumers: [], tuples: [], tupleLines: [], deprecations: [], deprecationLines: [], namedConsumers: [], consumerLines: new Map() });

/** The tuples that can be written: those whose core is a release with a date; the others, with their lines, left for review. */
export function writtenTuples(compat: ImportedCompatibility): { tuples: ImportedCompatibility['tuples']; lines: Array<{ file: string; line: number }>; dropped: Array<{ tuple: ImportedCompatibility['tuples'][number]; where: { file: string; line: number } }> } {
  const releases = new Set(compat.releases.flatMap((r) => [r.version, r.commit]));
  const kept = compat.tuples.map((tuple, i) => ({ tuple, where: compat.tupleLines[i] })).filter(({ tuple }) => releases.has(tuple.core));
  const dropped = compat.tuples.map((tuple, i) => ({ tuple, where: compat.tupleLines[i] })).filter(({ tuple }) => !releases.has(tuple.core));
  return { tuples: kept.map((k) => k.tuple), lines: kept.map((k) => k.where), dropped };
}

const TIER = /\b(supported|conditional|unsupported)\b/i;
const CONSUMER_NAME = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * A compatibility table in either orientation: a column per consumer beside
 * the core's column (a row per tuple), or a row per consumer with the core
 * versions, commits or ranges it was validated against (with tier, consumer
 * version and date when the table has them). Returns whether it was one.
 */
export function importCompatibilityTable(table: MarkdownTable, coreNames: readonly string[], compat: ImportedCompatibility, log: ImportLog): boolean {
  const names = coreNames.map((n) => n.toLowerCase());
  const coreColumn = table.headers.findIndex((h) => names.some((core) => h === core || h === `${core} version` || h === `${core} commit`));
  if (coreColumn >= 0) {
    importTupleRows(table, coreColumn, compat, log);
    return true;
  }
  const consumerColumn = column(table, /^consumers?$/, /^client$/, /^downstream$/, /^repository$/);
  const versionsColumn = table.headers.findIndex(
    (h, i) => i !== consumerColumn && (/\bcore\b|validated|supported|tested/.test(h) || names.some((core) => h.includes(core))) && !/consumer|\bdate\b|\btier\b|\bstatus\b/.test(h),
  );
  if (consumerColumn < 0 || versionsColumn < 0) return false;
  importConsumerRows(table, consumerColumn, versionsColumn, names, compat, log);
  return true;
}

function importTupleRows(table: MarkdownTable, coreColumn: number, compat: ImportedCompatibility, log: ImportLog): void {
  const [tupleColumn, tierColumn, dateColumn] = [column(table, /^tuple$/, /^role$/, /^name$/), column(table, /^tier$/, /^status$/, /^support$/), column(table, /^validated$/, /^date$/, /^released?$/)];
  const consumerColumns = table.headers.map((h, i) => ({ name: h, i })).filter(({ i }) => ![coreColumn, tupleColumn, tierColumn, dateColumn].includes(i));
  for (const { name } of consumerColumns) addConsumer(compat, name, { file: table.file, line: table.line }, log);
  for (const [index, { line, cells }] of table.rows.entries()) {
    const where = { file: table.file, line };
    const reference = readCoreReference(cells[coreColumn] ?? '');
    if (!reference || reference.kind === 'range') {
      log.notUnderstood.push({ ...where, what: `core ${JSON.stringify(plainText(cells[coreColumn] ?? ''))}`, why: 'neither a version nor a commit' });
      continue;
    }
    const consumers = Object.fromEntries(consumerColumns.map(({ name, i }) => [name, plainText(cells[i] ?? '')]).filter(([, v]) => v && v !== '-'));
    addTuple(compat, { id: slug(cells[tupleColumn] ?? '', `row-${index + 1}`), core: reference.value, consumers, tier: cells[tierColumn], date: plainText(cells[dateColumn] ?? '') }, where, log);
  }
  log.converted.push({ file: table.file, line: table.line, what: 'compatibility table', why: `${table.rows.length} tuple(s) of ${consumerColumns.length} consumer(s)` });
}

function importConsumerRows(table: MarkdownTable, consumerColumn: number, versionsColumn: number, coreNames: readonly string[], compat: ImportedCompatibility, log: ImportLog): void {
  const [tierColumn, dateColumn, consumerVersionColumn, notesColumn] = [
    column(table, /^tier$/, /^status$/, /^support( level)?$/),
    column(table, /^validated( on)?$/, /^date$/, /^last validated$/),
    column(table, /^consumer (version|commit)s?$/, /^version$/, /^commit$/),
    column(table, /^notes?$/, /^conditions?$/),
  ];
  for (const { line, cells } of table.rows) {
    const where = { file: table.file, line };
    const name = addConsumer(compat, plainText(cells[consumerColumn] ?? ''), where, log);
    if (!name) continue;
    const [tier, note] = [plainText(cells[tierColumn] ?? ''), plainText(cells[notesColumn] ?? '')];
    const ranges: string[] = [];
    let tuples = 0;
    for (const entry of rowEntries(cells[versionsColumn] ?? '')) {
      const read = readRowEntry(entry, coreNames);
      if (read.kind === 'unread') log.notUnderstood.push({ ...where, what: `${name}: core ${JSON.stringify(entry)}`, why: 'neither a version, a commit, a semver range nor a tuple of the core and other components in parentheses' });
      else if (read.kind === 'range') ranges.push(read.range);
      else {
        // Other components the tuple names ("pyferro 7be03d1") are consumers too; this row's consumer is at the version its column gives.
        const others = Object.entries(read.consumers).filter(([other]) => other === name || addConsumer(compat, other, where, log) === other);
        const consumers = { [name]: plainText(cells[consumerVersionColumn] ?? '') || 'any', ...Object.fromEntries(others) };
        const date = plainText(cells[dateColumn] ?? '');
        addTuple(compat, { id: `${name}-${slug(read.core, 'core')}`, core: read.core, coreCommit: read.coreCommit, consumers, tier, date, note }, where, log);
        tuples++;
      }
    }
    if (ranges.length) {
      const consumer = compat.consumers.find((c) => c.name === name);
      if (consumer) consumer.supports = ranges.join(' || ');
      log.converted.push({ ...where, what: `consumer ${name}`, why: `supports core ${ranges.join(' || ')}` });
    }
    reportRowStatements(name, { tier, note, tuples, ranges: ranges.length }, where, log);
  }
  log.converted.push({ file: table.file, line: table.line, what: 'compatibility table (a row per consumer)', why: `${table.rows.length} consumer(s)` });
}

/** A row's tier and notes are written on its tuples; what has no place there (a numbered tier, a deprecation, a note of a row without tuples) is listed for review. */
function reportRowStatements(name: string, row: { tier: string; note: string; tuples: number; ranges: number }, where: { file: string; line: number }, log: ImportLog): void {
  const known = TIER.exec(row.tier)?.[1].toLowerCase();
  if (row.tier && !known) log.review.push({ ...where, what: `${name}: tier ${JSON.stringify(row.tier)}`, why: 'not a tier of compatibility.json (supported, conditional, unsupported); not written' });
  // A range a consumer supports says "supported" already; another tier has no tuple to be written on.
  else if (known && !row.tuples && !(row.ranges && known === 'supported')) log.review.push({ ...where, what: `${name}: tier ${known}`, why: 'a tier is written on tuples, and this row states none; not written' });
  if (/\bdeprecat/i.test(row.note)) {
    log.review.push({ ...where, what: `${name}: note ${JSON.stringify(row.note)}`, why: 'a deprecation needs what is deprecated with the dates it was announced and is removed (YYYY-MM-DD); not written' });
  } else if (row.note && !row.tuples) log.review.push({ ...where, what: `${name}: note ${JSON.stringify(row.note)}`, why: 'a note is written on tuples, and this row states none; not written' });
}

function addConsumer(compat: ImportedCompatibility, written: string, where: { file: string; line: number }, log: ImportLog): string | undefined {
  // "pyferro (Python client)": the name, then what it is; the description is no part of the name.
  const name = written.replace(/[[\]]/g, '').replace(/\s*\([^)]*\)\s*$/, '').trim().toLowerCase().replace(/\s+/g, '-');
  if (name && !compat.namedConsumers.includes(name)) compat.namedConsumers.push(name);
  if (!CONSUMER_NAME.test(name)) {
    log.notUnderstood.push({ ...where, what: `consumer ${JSON.stringify(written)}`, why: 'not a consumer name (lower-case letters, digits, ., _ and -)' });
    return undefined;
  }
  if (!compat.consumers.some((c) => c.name === name)) compat.consumers.push({ name });
  if (!compat.consumerLines.has(name)) compat.consumerLines.set(name, where);
  return name;
}

function addTuple(
  compat: ImportedCompatibility,
  row: { id: string; core: string; coreCommit?: string; consumers: Record<string, string>; tier?: string; date: string; note?: string },
  where: { file: string; line: number },
  log: ImportLog,
): void {
  const isCommit = COMMIT.test(row.core);
  if (!compat.releases.some((r) => (isCommit ? r.commit : r.version) === row.core)) {
    if (isCalendarDate(row.date)) compat.releases.push({ ...(isCommit ? { commit: row.core } : { version: row.core }), ...(row.coreCommit ? { commit: row.coreCommit } : {}), date: row.date });
    // The commit a row gives a version has no other place than its release: say so when the release cannot be written.
    else if (row.coreCommit) log.review.push({ ...where, what: `release ${row.core} (commit ${row.coreCommit})`, why: 'named by the table without a release date; not a release until its date is added' });
  }
  const tier = TIER.exec(row.tier ?? '')?.[1].toLowerCase();
  const id = uniqueId(slug(row.id, 'tuple'), compat.tuples.map((t) => t.id));
  compat.tuples.push({ id, core: row.core, consumers: row.consumers, ...(tier ? { tier } : {}), ...(isCalendarDate(row.date) ? { validated: row.date } : {}), ...(row.note ? { note: row.note } : {}) });
  compat.tupleLines.push(where);
}

/** A table of the core's releases: a version or commit column and a date column. */
export function importReleaseTable(table: MarkdownTable, compat: ImportedCompatibility, log: ImportLog): boolean {
  const [versionColumn, dateColumn] = [column(table, /^version$/, /^release$/, /^commit$/, /^tag$/), column(table, /^date$/, /^released( on)?$/, /^release date$/)];
  if (versionColumn < 0 || dateColumn < 0 || table.headers.length > 4) return false;
  for (const { line, cells } of table.rows) {
    const reference = readCoreReference(cells[versionColumn] ?? '');
    const date = plainText(cells[dateColumn] ?? '');
    if (!reference || reference.kind === 'range' || !isCalendarDate(date)) {
      log.notUnderstood.push({ file: table.file, line, what: `release ${plainText(cells[versionColumn] ?? '')}`, why: 'expected a version or commit and a date written YYYY-MM-DD' });
      continue;
    }
    if (!compat.releases.some((r) => r.version === reference.value || r.commit === reference.value)) compat.releases.push({ [reference.kind]: reference.value, date });
  }
  log.converted.push({ file: table.file, line: table.line, what: 'core releases', why: `${table.rows.length} release(s)` });
  return true;
}

/** The support window, lead time and deprecations as the prose states them, in any section. */
export function importCompatibilityPolicy(sections: MarkdownSection[], compat: ImportedCompatibility, log: ImportLog): Set<MarkdownTable> {
  const used = new Set<MarkdownTable>();
  for (const section of sections) {
    for (const { text, line } of [...section.text, ...section.items]) readPolicySentence(plainText(text), { file: section.file, line }, compat, log);
    for (const table of section.tables) {
      const [what, announced, removal] = [column(table, /^what$/, /^deprecat/, /^feature$/), column(table, /^announced$/), column(table, /^removal$/, /^removed$/, /^removed in$/)];
      if (what < 0 || announced < 0 || removal < 0) continue;
      used.add(table);
      for (const row of table.rows) {
        const entry = { id: slug(row.cells[what] ?? '', 'deprecation'), what: plainText(row.cells[what] ?? ''), announced: plainText(row.cells[announced] ?? ''), removal: plainText(row.cells[removal] ?? '') };
        if (isCalendarDate(entry.announced) && isCalendarDate(entry.removal)) {
          compat.deprecations.push({ ...entry, id: uniqueId(entry.id, compat.deprecations.map((d) => d.id)) });
          compat.deprecationLines.push({ file: table.file, line: row.line });
          log.converted.push({ file: table.file, line: row.line, what: `deprecation ${entry.what}`, why: `announced ${entry.announced}, removal ${entry.removal}` });
        } else log.review.push({ file: table.file, line: row.line, what: `deprecation ${entry.what}`, why: 'announced and removal must be dates written YYYY-MM-DD' });
      }
    }
  }
  return used;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };
const count = (word: string) => NUMBER_WORDS[word.toLowerCase()] ?? Number(word);

function readPolicySentence(plain: string, where: { file: string; line: number }, compat: ImportedCompatibility, log: ImportLog): void {
  // "Tier 1 consumers block a release…": tiers of consumers, which compatibility.json has no place for.
  if (/\btier\s*\d+\s+(?:consumers?|is|are|means)\b/i.test(plain)) {
    log.review.push({ ...where, what: `consumer tiers: ${JSON.stringify(plain)}`, why: 'compatibility.json states a tier per tuple (supported, conditional, unsupported), not per consumer; not written' });
  }
  const N = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)';
  const lead = new RegExp(`(?:at least\\s+)?${N}\\s+(days?|weeks?)\\s+(?:before|ahead of|prior to)\\s+(?:the\\s+)?remov|lead time[^.]*?${N}[\\s-]+(days?|weeks?)|${N}[\\s-]+(days?|weeks?)[\\s-]+(?:lead time|notice)`, 'i').exec(plain);
  if (lead && /deprecat|remov|notice|lead time/i.test(plain) && compat.deprecationLeadTimeDays === undefined) {
    const [amount, unit] = [lead[1] ?? lead[3] ?? lead[5], lead[2] ?? lead[4] ?? lead[6]];
    compat.deprecationLeadTimeDays = count(amount) * (/week/i.test(unit) ? 7 : 1);
    log.converted.push({ ...where, what: 'deprecation lead time', why: `${compat.deprecationLeadTimeDays} days, as the document states` });
  }
  if (!/support/i.test(plain) || compat.supportWindow) return;
  const tuples = [...plain.matchAll(/\bthe (\w+)(?: and the (\w+))? tuples?/gi)].flatMap((m) => [m[1], m[2]]).filter((t): t is string => !!t).map((t) => t.toLowerCase());
  // "the latest two minor releases" or "the two most recent minor releases": the count on either side of the word.
  const minors = new RegExp(`(?:last|latest|newest|most recent)\\s+${N}\\s+minor|${N}\\s+(?:last|latest|newest|most recent)\\s+minor`, 'i').exec(plain);
  const span = new RegExp(`(?:last|within|for)\\s+(?:the\\s+last\\s+)?${N}\\s+(days?|months?|weeks?)`, 'i').exec(plain);
  if (!minors && !span && !tuples.length) return;
  compat.supportWindow = {
    ...(minors ? { latestMinors: count(minors[1] ?? minors[2]) } : {}),
    ...(span ? (/month/i.test(span[2]) ? { months: count(span[1]) } : { days: count(span[1]) * (/week/i.test(span[2]) ? 7 : 1) }) : {}),
    ...(tuples.length ? { tuples } : {}),
  };
  log.converted.push({ ...where, what: 'support window', why: plain });
}
