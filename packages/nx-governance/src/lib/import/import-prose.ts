import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics';
import type { IdPatterns } from '../ids/id-patterns';
import type { ParseMarkdown } from '../markdown/parse-markdown';
import type { FileReader } from '../workspace/file-reader';
import { type ImportedCadence, importCadence } from './import-cadence';
import { assumeProseReleaseRole } from './release-role';
import type { UnreadProse } from './import-gaps';
import { emptyCompatibility, type ImportedCompatibility, importCompatibilityPolicy, importCompatibilityTable, importReleaseTable } from './import-compatibility';
import { importCompatibilityStatements, importReleaseStatements } from './compatibility-statements';
import { excludedBy } from './import-exclude';
import { everyBlockingGate, type GateImportContext, type ImportedGate, importGateTable } from './import-gates';
import { emptyLog, type ImportLog } from './import-log';
import { applyRegistryStatuses, type ImportedMilestone, importMilestones, isRegistryTable } from './import-milestones';
import { emptyPlaybook, type ImportedPlaybook, importPlaybook } from './import-playbook';
import { expandGateList } from './gate-lists';
import { importProseGates } from './import-gate-prose';
import { type ImportedReleaseClass, importReleaseClassProse, importReleaseClassTable, readDefaultReleaseClass } from './import-release-classes';
import { column, type MarkdownDocument, type MarkdownTable, plainText, readMarkdownDocument } from './markdown-document';
import { reportUncoveredSections } from './section-coverage';

export interface ImportedProse extends ImportLog {
  gates: ImportedGate[];
  /** Where each gate's row is, by gate id. */
  gateLines: Map<string, { file: string; line: number }>;
  releaseClasses: ImportedReleaseClass[];
  defaultReleaseClass?: string;
  milestoneGateSets: Array<{ milestone: string; gates: string[] }>;
  compatibility?: ImportedCompatibility;
  playbook: ImportedPlaybook;
  cadence: ImportedCadence;
  milestones: ImportedMilestone[];
  /** Files beside the milestones that are not milestones (an index README): skipped. */
  milestoneIndexFiles: string[];
  milestoneProblems: Diagnostic[];
  /** Whether the milestones are copied into the governance folder (default: when other files sit beside them). */
  copyMilestones: boolean;
  /** Two files defining one milestone, each named with its line: the import cannot choose. */
  duplicateMilestones: string[];
  /** What the prose names (consumers, gates, trigger ids), for the readers to tell a partial import (import-gaps.ts). */
  named: { consumers: string[]; gates: string[]; triggers: string[] };
  /** What the prose holds that the import could not read and the readers must not take as absent (import-gaps.ts). */
  unread: UnreadProse[];
}

export interface ImportOptions extends Omit<GateImportContext, 'documentPath'> {
  /** The core's names (its Nx project, its library's own name), as they may head the compatibility table's core column. */
  coreNames: readonly string[];
  /** `--exclude` globs: files left out, each listed in the report. */
  exclude?: readonly string[];
  /** Copy the milestones (statuses from a registry are then set on the copies); default: when other files sit beside them. */
  copyMilestones?: boolean;
}

/**
 * Reads every markdown file of a prose governance folder (its evidence
 * excepted) through the markdown parser: milestones (files with task cards),
 * validation-matrix tables, release classes, milestone gate sets,
 * compatibility tables in either orientation and the policy the prose states,
 * a playbook and a cadence in headings, lists and tables. Every section of
 * every file ends up in the log: converted, left for review or not understood.
 */
export function importProse(parse: ParseMarkdown, reader: FileReader, folder: string, files: readonly string[], options: ImportOptions): ImportedProse {
  const result: ImportedProse = {
    ...emptyLog(), gates: [], gateLines: new Map(), releaseClasses: [], milestoneGateSets: [], milestones: [], milestoneIndexFiles: [], milestoneProblems: [],
    duplicateMilestones: [], copyMilestones: false, playbook: emptyPlaybook(), cadence: { activities: [], ownership: {}, coOwners: [] }, named: { consumers: [], gates: [], triggers: [] }, unread: [],
  };
  const excluded = excludedBy(options.exclude ?? []);
  const read: Array<{ file: string; text: string; markdown: MarkdownDocument }> = [];
  for (const file of files.filter((f) => /\.(md|markdown)$/i.test(f))) {
    const glob = excluded(file);
    if (glob) {
      result.converted.push({ file, line: 1, what: 'document', why: `excluded by --exclude=${glob}` });
      continue;
    }
    const text = reader.read(file) ?? '';
    read.push({ file, text, markdown: readMarkdownDocument(parse, file, text) });
  }
  // Files whose title names a milestone are milestones or runbooks: their tables are not read as the gates' or classes'.
  const titled = new Set(read.filter((d) => options.ids.matches('milestone', /^`?([^\s`:]+)/.exec(d.markdown.title)?.[1] ?? '')).map((d) => d.file));
  const documents = read.filter((d) => !titled.has(d.file)).map((d) => d.markdown);
  const context: GateImportContext = { ...options, documentPath: (name) => findDocument(reader, folder, files, name) };
  const tables = documents.flatMap((d) => d.sections.flatMap((s) => s.tables));
  const used = new Set<MarkdownTable>();
  for (const table of tables) {
    const [id, command] = [column(table, /^vg id$/, /^gate( id)?$/, /^id$/), column(table, /^command/, /^method/, /^how/, /^run$/, /^(what (it )?)?runs$/, /^check$/, /^verification$/)];
    if (id < 0 || command < 0) continue;
    importGateTable(table, id, command, context, result.gates, result);
    for (const row of table.rows) if (!result.gateLines.has(plainText(row.cells[id] ?? ''))) result.gateLines.set(plainText(row.cells[id] ?? ''), { file: table.file, line: row.line });
    used.add(table);
  }
  // Gates written as list items or headings with paragraphs; their sections are no one else's (a gate headed "release checklist").
  const gateSections = importProseGates(documents, context, result.gates, result.gateLines, result);
  const known = result.gates.map((g) => g.id);
  const classes = new Map<string, string[]>();
  const namedGates = new Set<string>();
  const classContext = { known, classes, releaseClasses: result.releaseClasses, ids: options.ids, named: namedGates };
  const registries: MarkdownTable[] = [];
  const compatibility = () => (result.compatibility ??= emptyCompatibility());
  // The core's releases first (tables, list items, sentences): a compatibility table may name a release line a range stands for.
  importReleaseStatements(documents.flatMap((d) => d.sections), compatibility(), result);
  for (const table of tables.filter((t) => !used.has(t))) if (importReleaseTable(table, compatibility(), result)) used.add(table);
  for (const table of tables.filter((t) => !used.has(t))) {
    const gatesColumn = column(table, /gates?$/, /gate set/, /vg ids?$/);
    const [classColumn, milestoneColumn] = [column(table, /^release class$/, /^class$/), column(table, /^milestone$/)];
    if (classColumn >= 0 && gatesColumn >= 0) importReleaseClassTable(table, classColumn, gatesColumn, classContext, result);
    else if (milestoneColumn >= 0 && gatesColumn >= 0) importMilestoneGateSets(table, milestoneColumn, gatesColumn, known, classes, result, options.ids);
    else if (isRegistryTable(table, options.ids)) registries.push(table);
    else if (!importCompatibilityTable(table, options.coreNames, compatibility(), result)) continue;
    used.add(table);
  }
  const classSections = importReleaseClassProse(documents.flatMap((d) => d.sections), classContext, result);
  // Read after the gates and classes, so that a card's gate list written as a pattern, a range or a class can be written out.
  const milestones = importMilestones(read, folder, options.ids, result, { known, classes });
  Object.assign(result, { milestones: milestones.milestones, milestoneIndexFiles: milestones.indexFiles, milestoneProblems: milestones.problems, duplicateMilestones: milestones.duplicates });
  // Validated where they are only when their folder holds milestones alone (validate reads every markdown file there as
  // one) and nothing in them had to be written out.
  const folders = new Set(result.milestones.map((m) => posix.dirname(m.file)));
  const besideThem = read.filter((d) => folders.has(posix.dirname(d.file)) && !result.milestones.some((m) => m.file === d.file));
  const rewritten = result.milestones.some((m) => m.rewritten);
  result.copyMilestones = options.copyMilestones ?? (besideThem.length > 0 || folders.size > 1 || rewritten);
  if (rewritten && !result.copyMilestones) {
    result.review.push({ file: folder, line: 1, what: 'milestones', why: '--copyMilestones=false, but gate lists of their cards name gates by pattern, range or class: validate reads them as written' });
  }
  applyRegistryStatuses(registries, result.milestones, options.ids, result.copyMilestones, result);
  // The gates a release requires: its default class's, or, with no class in the prose, those of the one the import writes.
  const requiredGates = () => {
    const stated = classes.get(result.defaultReleaseClass ?? '') ?? [...classes.values()].pop();
    return stated ? { gates: stated } : { gates: everyBlockingGate(result.gates), written: 'every blocking gate, the release class the import writes' };
  };
  for (const document of documents) {
    const text = document.sections.flatMap((s) => s.text.map((t) => t.text)).join('\n');
    result.defaultReleaseClass ??= readDefaultReleaseClass(text);
  }
  for (const document of documents) {
    const sections = document.sections.filter((s) => !gateSections.has(s) && !classSections.has(s));
    const playbookTables = importPlaybook(sections, { gates: result.gates, ids: options.ids, requiredGates }, result.playbook, result);
    playbookTables.forEach((t) => used.add(t));
    const { cadence, used: cadenceTables } = importCadence(document, known, result, options.ids);
    result.cadence.activities.push(...cadence.activities);
    result.cadence.coOwners.push(...cadence.coOwners);
    Object.assign(result.cadence.ownership, cadence.ownership);
    cadenceTables.forEach((t) => used.add(t));
    importCompatibilityPolicy(sections, compatibility(), result).forEach((t) => used.add(t));
    importCompatibilityStatements(sections, compatibility(), result, options.coreNames);
  }
  // A document about compatibility that yields no consumer: nothing says none is declared (readiness would pass "no consumer").
  const compatDocument = documents.flatMap((d) => d.sections).find((s) => /compatib/i.test(s.heading));
  if (compatDocument && !result.compatibility?.consumers.length) {
    const why = `"${plainText(compatDocument.heading)}" names no consumer the import could read`;
    result.unread.push({ kind: 'consumers', where: `${compatDocument.file}:${compatDocument.line}`, why });
    result.review.push({ file: compatDocument.file, line: compatDocument.line, what: 'consumers', why: `${why}; release-readiness and rollback-check stay inconclusive until compatibility.json holds its consumers` });
  }
  if (result.compatibility && !result.compatibility.consumers.length && !result.compatibility.tuples.length && !result.compatibility.deprecations.length) {
    if (result.compatibility.supportWindow || result.compatibility.deprecationLeadTimeDays !== undefined) result.review.push({ file: folder, line: 1, what: 'compatibility policy', why: 'stated in the prose, but no compatibility table names a consumer; not written' });
    delete result.compatibility;
  }
  assumeProseReleaseRole(result);
  for (const table of tables.filter((t) => !used.has(t))) {
    result.notUnderstood.push({ file: table.file, line: table.line, what: `table | ${table.headers.join(' | ')} |`, why: 'not a table this import knows (gates, release classes, milestone gate sets, compatibility, releases, registry, playbook, cadence)' });
  }
  result.named = {
    consumers: result.compatibility?.namedConsumers ?? [],
    gates: [...new Set([...result.gateLines.keys(), ...milestones.namedGates, ...namedGates])].filter((id) => options.ids.matches('gate', id)),
    triggers: result.playbook.rollbackTriggers.map((t) => String(t.id)),
  };
  reportUncoveredSections(documents, result);
  return result;
}

function importMilestoneGateSets(table: MarkdownTable, milestoneColumn: number, gatesColumn: number, known: string[], classes: Map<string, string[]>, result: ImportedProse, ids: IdPatterns): void {
  for (const { line, cells } of table.rows) {
    const milestone = plainText(cells[milestoneColumn] ?? '').replace(/^\[(.*)\]$/, '$1');
    const expanded = expandGateList(cells[gatesColumn] ?? '', known, classes, ids);
    for (const text of expanded.unresolved) result.review.push({ file: table.file, line, what: `${milestone} gates: ${text}`, why: 'names no gate of the matrix; left out of the set' });
    if (ids.matches('milestone', milestone)) result.milestoneGateSets.push({ milestone, gates: expanded.gates });
    else result.notUnderstood.push({ file: table.file, line, what: milestone, why: `not a milestone id: expected ${ids.describe('milestone')}` });
  }
  result.converted.push({ file: table.file, line: table.line, what: 'minimum gate set per milestone', why: `${table.rows.length} milestone(s)` });
}

/** A document named in the prose, found beside it (same folder, or anywhere in the folder). */
function findDocument(reader: FileReader, folder: string, files: readonly string[], name: string): string | undefined {
  const direct = posix.join(folder, name);
  if (reader.read(direct) !== undefined) return direct;
  if (reader.read(name) !== undefined) return name;
  return files.find((f) => f.endsWith(`/${name}`));
}
