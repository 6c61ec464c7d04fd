import * as semver from 'semver';
import { isCalendarDate } from '../schemas/common';
import { COMMIT, readCoreReference, readRowEntry, rowEntries } from './core-references';
import type { ImportLog } from './import-log';
import { column, type MarkdownSection, type MarkdownTable, plainText, slug, uniqueId } from './markdown-document';

export interface ImportedCompatibility {
  releases: Array<{ version?: string; commit?: string; date?: string }>;
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

/**
 * The one way a release reaches the import, whichever reader found it: a
 * release already listed by its version or commit gets the commit and date it
 * lacked (a version named "shipped" without a date, dated by a later line);
 * another is added. Says which, for the report.
 */
export function recordRelease(compat: ImportedCompatibility, core: string, details: { commit?: string; date?: string } = {}): 'added' | 'completed' | 'known' {
  const known = compat.releases.find((r) => r.version === core || r.commit === core);
  if (!known) {
    compat.releases.push({ ...(COMMIT.test(core) ? { commit: core } : { version: core }), ...(details.commit && details.commit !== core ? { commit: details.commit } : {}), ...(details.date ? { date: details.date } : {}) });
    return 'added';
  }
  const missing = { ...(details.date && !known.date ? { date: details.date } : {}), ...(details.commit && !known.commit ? { commit: details.commit } : {}) };
  Object.assign(known, missing);
  return Object.keys(missing).length ? 'completed' : 'known';
}

/**
 * Every core version or commit a tuple names that no release lists, as an
 * undated release (the prose gave no date, nor a git tag), each with where it
 * was named: the tuples stay, and the matrix orders the release by its version.
 */
export function undatedReleases(compat: ImportedCompatibility): Array<{ core: string; where: { file: string; line: number } }> {
  const known = new Set(compat.releases.flatMap((r) => [r.version, r.commit]));
  const named: Array<{ core: string; where: { file: string; line: number } }> = [];
  compat.tuples.forEach((tuple, i) => {
    if (known.has(tuple.core)) return;
    known.add(tuple.core);
    named.push({ core: tuple.core, where: compat.tupleLines[i] });
  });
  return named;
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
  const coreColumns = consumerColumn < 0 ? [] : gridCoreColumns(table, names);
  if (coreColumns.length) {
    importGridRows(table, consumerColumn, coreColumns, compat, log);
    return true;
  }
  const versionsColumn = table.headers.findIndex(
    (h, i) => i !== consumerColumn && (/\bcore\b|validated|supported|tested/.test(h) || names.some((core) => h.includes(core))) && !/consumer|\bdate\b|\btier\b|\bstatus\b/.test(h),
  );
  if (consumerColumn < 0 || versionsColumn < 0) return false;
  importConsumerRows(table, consumerColumn, versionsColumn, names, compat, log);
  return true;
}

function importTupleRows(table: MarkdownTable, coreColumn: number, compat: ImportedCompatibility, log: ImportLog): void {
  const [tupleColumn, tierColumn, dateColumn] = [column(table, /^tuple$/, /^role$/, /^name$/), column(table, /^tier$/, /^status$/, /^support$/), column(table, /^validated$/, /^date$/, /^released?$/)];
  const consumerColumns = table.headers
    .map((h, i) => ({ h, i }))
    .filter(({ i }) => ![coreColumn, tupleColumn, tierColumn, dateColumn].includes(i))
    .map(({ h, i }) => ({ name: addConsumer(compat, h, { file: table.file, line: table.line }, log), i }))
    .filter((c): c is { name: string; i: number } => c.name !== undefined);
  for (const [index, { line, cells }] of table.rows.entries()) {
    const where = { file: table.file, line };
    const core = rowCore(cells[coreColumn] ?? '', compat);
    if (!core.ok) {
      log.notUnderstood.push({ ...where, what: `core ${JSON.stringify(plainText(cells[coreColumn] ?? ''))}`, why: core.why });
      continue;
    }
    const read = consumerColumns.map(({ name, i }) => ({ name, cell: readTupleCell(plainText(cells[i] ?? '')) })).filter(({ cell }) => cell.version);
    const id = slug(cells[tupleColumn] ?? '', `row-${index + 1}`);
    const date = plainText(cells[dateColumn] ?? '');
    if (read.some(({ cell }) => cell.tier)) {
      // Each cell states its own tier: a tuple per consumer, each with its tier and note.
      for (const { name, cell } of read) addTuple(compat, { id: slug(`${name} ${cells[tupleColumn] ? id : core.value}`), core: core.value, consumers: { [name]: cell.version }, tier: cell.tier, date, note: [core.note, cell.note].filter(Boolean).join('; ') }, where, log);
    } else {
      addTuple(compat, { id, core: core.value, consumers: Object.fromEntries(read.map(({ name, cell }) => [name, cell.version])), tier: cells[tierColumn], date, ...(core.note ? { note: core.note } : {}) }, where, log);
    }
  }
  log.converted.push({ file: table.file, line: table.line, what: 'compatibility table', why: `${table.rows.length} row(s) of ${consumerColumns.length} consumer(s)` });
}

/**
 * The core a row of a tuple table names: a version or commit, or a release
 * line as a semver range ("~2.4.0"), read as the newest release the document
 * lists in that line.
 */
export function rowCore(cell: string, compat: ImportedCompatibility): { ok: true; value: string; note?: string } | { ok: false; why: string } {
  const reference = readCoreReference(cell);
  if (!reference) return { ok: false, why: 'neither a version, a commit nor a release line (a semver range)' };
  if (reference.kind !== 'range') return { ok: true, value: reference.value };
  const newest = compat.releases
    .filter((r): r is typeof r & { version: string } => !!r.version && semver.satisfies(r.version, reference.value))
    .sort((a, b) => semver.rcompare(a.version, b.version))[0];
  if (!newest) return { ok: false, why: `a release line with no release the document lists in it (${reference.value}); list the release with its date` };
  return { ok: true, value: newest.version, note: `release line ${reference.value}` };
}

/** A cell of a tuple table: the consumer version, or a tier and the version ("✅ supported — 1.9.0", "conditional (0.6.0)"), with a note in parentheses; a dash is never tried. */
function readTupleCell(cell: string): { version: string; tier?: string; note?: string } {
  const text = cell.replace(/^[^\p{L}\p{N}]+/u, '').trim();
  if (!text || /^[-–—]$/.test(text)) return { version: '' };
  const tiered = /^(supported|conditional|unsupported)\b[\s—–:-]*(?:\(?([\w.+-]+)\)?)?\s*(?:\((.+)\))?$/i.exec(text);
  if (tiered) return { version: tiered[2] ?? 'any', tier: tiered[1].toLowerCase(), ...(tiered[3] ? { note: tiered[3] } : {}) };
  return { version: text };
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
        // The consumer's name first, so that a version's leading digit stays in the id ("pyferro-1-4-2").
        addTuple(compat, { id: slug(`${name} ${read.label ?? read.core}`, `${name}-tuple`), core: read.core, coreCommit: read.coreCommit, consumers, tier, date, note }, where, log);
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

/** Headers that each name one core release ("tideline 1.6.0", "1.5.2", "core `3a4b5c6`"): a grid of consumers by releases. */
function gridCoreColumns(table: MarkdownTable, coreNames: readonly string[]): Array<{ i: number; core: string }> {
  return table.headers.flatMap((header, i) => {
    const words = plainText(header).split(' ');
    const named = words.length === 2 && (coreNames.includes(words[0]) || words[0] === 'core') ? words[1] : words.length === 1 ? words[0] : undefined;
    const reference = named === undefined ? undefined : readCoreReference(named);
    return reference && reference.kind !== 'range' ? [{ i, core: reference.value }] : [];
  });
}

/** A grid: a row per consumer, a column per core release, each cell a tier with the consumer version validated in parentheses, or a dash (never tried). */
function importGridRows(table: MarkdownTable, consumerColumn: number, coreColumns: Array<{ i: number; core: string }>, compat: ImportedCompatibility, log: ImportLog): void {
  for (const { line, cells } of table.rows) {
    const where = { file: table.file, line };
    const name = addConsumer(compat, plainText(cells[consumerColumn] ?? ''), where, log);
    if (!name) continue;
    for (const { i, core } of coreColumns) {
      const cell = plainText(cells[i] ?? '');
      if (!cell || /^[-–—]$/.test(cell)) continue;
      const read = /^(supported|conditional|unsupported)\b\s*(?:\(([^()]+)\))?$/i.exec(cell);
      if (!read) {
        log.notUnderstood.push({ ...where, what: `${name} with core ${core}: ${JSON.stringify(cell)}`, why: 'expected a tier (supported, conditional, unsupported) with the consumer version in parentheses, or a dash' });
        continue;
      }
      addTuple(compat, { id: slug(`${name} ${core}`, `${name}-tuple`), core, consumers: { [name]: read[2]?.trim() || 'any' }, tier: read[1], date: '' }, where, log);
    }
  }
  log.converted.push({ file: table.file, line: table.line, what: 'compatibility table (consumers by core releases)', why: `${table.rows.length} consumer(s) by ${coreColumns.length} release(s)` });
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

export function addConsumer(compat: ImportedCompatibility, written: string, where: { file: string; line: number }, log: ImportLog): string | undefined {
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

export function addTuple(
  compat: ImportedCompatibility,
  row: { id: string; core: string; coreCommit?: string; consumers: Record<string, string>; tier?: string; date: string; note?: string },
  where: { file: string; line: number },
  log: ImportLog,
): void {
  // A release the row dates (or whose commit it gives) is written here; the other cores it names are dated later from git tags, or written undated.
  if (isCalendarDate(row.date) || row.coreCommit) recordRelease(compat, row.core, { commit: row.coreCommit, ...(isCalendarDate(row.date) ? { date: row.date } : {}) });
  const tier = TIER.exec(row.tier ?? '')?.[1].toLowerCase();
  const id = uniqueId(slug(row.id, 'tuple'), compat.tuples.map((t) => t.id));
  compat.tuples.push({ id, core: row.core, consumers: row.consumers, ...(tier ? { tier } : {}), ...(isCalendarDate(row.date) ? { validated: row.date } : {}), ...(row.note ? { note: row.note } : {}) });
  compat.tupleLines.push(where);
}

/** A table of the core's releases: a version or commit column and a date column. */
export function importReleaseTable(table: MarkdownTable, compat: ImportedCompatibility, log: ImportLog): boolean {
  const [versionColumn, dateColumn] = [column(table, /^version$/, /^release$/, /^commit$/, /^tag$/), column(table, /^date$/, /^released( on)?$/, /^release date$/)];
  if (versionColumn < 0 || dateColumn < 0 || table.headers.length > 4) return false;
  // "Version | Commit | Date": the commit a version was cut from, which tuples pinned by commit name.
  const commitColumn = table.headers.findIndex((h, i) => i !== versionColumn && /^commit( sha)?$/.test(h));
  for (const { line, cells } of table.rows) {
    const reference = readCoreReference(cells[versionColumn] ?? '');
    const date = plainText(cells[dateColumn] ?? '');
    if (!reference || reference.kind === 'range' || !isCalendarDate(date)) {
      log.notUnderstood.push({ file: table.file, line, what: `release ${plainText(cells[versionColumn] ?? '')}`, why: 'expected a version or commit and a date written YYYY-MM-DD' });
      continue;
    }
    const commit = commitColumn >= 0 ? readCoreReference(cells[commitColumn] ?? '') : undefined;
    recordRelease(compat, reference.value, { date, ...(reference.kind === 'version' && commit?.kind === 'commit' ? { commit: commit.value } : {}) });
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
  const lead = new RegExp(`(?:at least\\s+)?${N}\\s+(days?|weeks?)\\s+(?:before|ahead of|prior to)\\s+(?:the\\s+)?(?:[\\w-]+\\s+){0,4}?remov|lead time[^.]*?${N}[\\s-]+(days?|weeks?)|${N}[\\s-]+(days?|weeks?)[\\s-]+(?:lead time|notice)`, 'i').exec(plain);
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
