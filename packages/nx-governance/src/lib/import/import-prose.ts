import { posix } from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { parseMilestone } from '../milestone/parse-milestone';
import type { IdPatterns } from '../ids/id-patterns';
import type { FileReader } from '../workspace/file-reader';
import { type ImportedCadence, importCadence } from './import-cadence';
import { type ImportedCompatibility, importCompatibilityPolicy, importCompatibilityTable } from './import-compatibility';
import { type GateImportContext, type ImportedGate, importGateTable } from './import-gates';
import { emptyLog, type ImportLog } from './import-log';
import { type ImportedPlaybook, importPlaybook } from './import-playbook';
import { expandGateList } from './gate-lists';
import { column, type MarkdownTable } from './markdown-tables';
import { type MarkdownSection, plainText, readMarkdownSections } from './markdown-sections';

export interface ImportedProse extends ImportLog {
  gates: ImportedGate[];
  releaseClasses: Array<{ id: string; title: string; description?: string; gates: string[] }>;
  defaultReleaseClass?: string;
  milestoneGateSets: Array<{ milestone: string; gates: string[] }>;
  compatibility?: ImportedCompatibility;
  playbook: ImportedPlaybook;
  cadence: ImportedCadence;
  milestones: Array<{ file: string; id: string; cards: number }>;
  /** Files beside the milestones that are not milestones (an index README): skipped. */
  milestoneIndexFiles: string[];
  milestoneProblems: Diagnostic[];
}

export interface ImportOptions extends Omit<GateImportContext, 'documentPath'> {
  /** The core project's name, as it heads the compatibility table's core column; without a core, no table is read as compatibility. */
  coreName: string | undefined;
}

const TITLE = /^#\s+(.*)$/m;

/**
 * Reads every markdown file of a prose governance folder (its evidence
 * excepted): validation-matrix tables, release classes, milestone gate sets,
 * a compatibility table and policy, a playbook and a cadence runbook in
 * headings, lists and tables, and the milestones. Says what it converted,
 * what it left for review and what it did not understand.
 */
export function importProse(reader: FileReader, folder: string, files: readonly string[], options: ImportOptions): ImportedProse {
  const result: ImportedProse = {
    ...emptyLog(), gates: [], releaseClasses: [], milestoneGateSets: [], milestones: [], milestoneIndexFiles: [], milestoneProblems: [],
    playbook: { roles: [], preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [] },
    cadence: { activities: [], ownership: {} },
  };
  const documents: Array<{ file: string; title: string; sections: MarkdownSection[] }> = [];
  for (const file of files.filter((f) => f.endsWith('.md'))) {
    const text = reader.read(file) ?? '';
    const title = TITLE.exec(text)?.[1] ?? '';
    if (options.ids.matches('milestone', /^`?([^\s`:]+)/.exec(title)?.[1] ?? '')) {
      const parsed = parseMilestone(file, text, options.ids);
      if (parsed.ok) result.milestones.push({ file, id: parsed.document.id, cards: parsed.document.taskCards.length });
      if (parsed.ok) result.converted.push({ file, line: 1, what: `milestone ${parsed.document.id}`, why: `${parsed.document.taskCards.length} task card(s)` });
      result.milestoneProblems.push(...parsed.diagnostics);
    } else if (/(^|\/)milestones\//i.test(file.slice(folder.length))) {
      result.milestoneIndexFiles.push(file);
      result.converted.push({ file, line: 1, what: 'milestone index', why: `not a milestone (its title names no milestone: ${options.ids.describe('milestone')}): skipped` });
    }
    else documents.push({ file, title, sections: readMarkdownSections(file, text) });
  }
  const context: GateImportContext = { ...options, documentPath: (name) => findDocument(reader, folder, files, name) };
  const tables = documents.flatMap((d) => d.sections.flatMap((s) => s.tables));
  const used = new Set<MarkdownTable>();
  for (const table of tables) {
    const [id, command] = [column(table, /^vg id$/, /^gate( id)?$/, /^id$/), column(table, /^command/, /^method/, /^how/)];
    if (id < 0 || command < 0) continue;
    importGateTable(table, id, command, context, result.gates, result);
    used.add(table);
  }
  const known = result.gates.map((g) => g.id);
  const classes = new Map<string, string[]>();
  for (const table of tables.filter((t) => !used.has(t))) {
    const gatesColumn = column(table, /gates?$/, /gate set/, /vg ids?$/);
    const [classColumn, milestoneColumn] = [column(table, /^release class$/, /^class$/), column(table, /^milestone$/)];
    const coreName = options.coreName?.toLowerCase();
    const coreColumn = coreName === undefined ? -1 : table.headers.findIndex((h) => h.replace(/`/g, '') === coreName);
    if (classColumn >= 0 && gatesColumn >= 0) importReleaseClasses(table, classColumn, gatesColumn, known, classes, result, options.ids);
    else if (milestoneColumn >= 0 && gatesColumn >= 0) importMilestoneGateSets(table, milestoneColumn, gatesColumn, known, classes, result, options.ids);
    else if (coreColumn >= 0) importCompatibilityTable(table, coreColumn, (result.compatibility ??= { releases: [], consumers: [], tuples: [], deprecations: [] }), result);
    else continue;
    used.add(table);
  }
  for (const document of documents) {
    const text = document.sections.flatMap((s) => s.text.map((t) => t.text)).join('\n');
    result.defaultReleaseClass ??= /\b(R\d+)\b[^.\n]*\bdefault\b/i.exec(text)?.[1] ?? /\bdefault\b[^.\n]*\b(R\d+)\b/i.exec(text)?.[1];
    if (/playbook|rollback/i.test(document.title)) mergePlaybook(result.playbook, importPlaybook(document.sections, result.gates, result, options.ids));
    if (/cadence|maintenance|runbook/i.test(document.title)) mergeCadence(result.cadence, importCadence(document.sections, known, result, options.ids));
    if (/compatib/i.test(document.title) && result.compatibility) importCompatibilityPolicy(document.sections, result.compatibility, result);
  }
  for (const table of tables.filter((t) => !used.has(t) && !/playbook|rollback|cadence|maintenance|compatib/i.test(documents.find((d) => d.file === t.file)?.title ?? ''))) {
    result.notUnderstood.push({ file: table.file, line: table.line, what: `table | ${table.headers.join(' | ')} |`, why: 'not a table this import knows (gates, release classes, milestone gate sets, compatibility, playbook, cadence)' });
  }
  const mentioned = new Set([...result.converted, ...result.review, ...result.notUnderstood].map((item) => item.file));
  for (const { file } of documents.filter((d) => !mentioned.has(d.file))) {
    result.notUnderstood.push({ file, line: 1, what: 'document', why: 'no gate, release class, compatibility, playbook or cadence table or section in it; nothing imported from it' });
  }
  return result;
}

function importReleaseClasses(table: MarkdownTable, classColumn: number, gatesColumn: number, known: string[], classes: Map<string, string[]>, result: ImportedProse, ids: IdPatterns): void {
  const titleColumn = column(table, /^title$/, /^name$/, /^scope$/);
  const descriptionColumn = column(table, /^description$/, /^meaning$/, /^when$/);
  for (const { line, cells } of table.rows) {
    const id = /R\d+/.exec(cells[classColumn] ?? '')?.[0];
    if (!id) {
      result.notUnderstood.push({ file: table.file, line, what: plainText(cells[classColumn] ?? ''), why: 'not a release class id like R2' });
      continue;
    }
    const expanded = expandGateList(cells[gatesColumn] ?? '', known, classes, ids);
    for (const text of expanded.unresolved) result.review.push({ file: table.file, line, what: `${id} gates: ${text}`, why: 'names no gate of the matrix; left out of the class' });
    classes.set(id, expanded.gates);
    const title = plainText(cells[titleColumn] ?? '') || id;
    const description = plainText(cells[descriptionColumn] ?? '');
    result.releaseClasses.push({ id, title, ...(description ? { description } : {}), gates: expanded.gates });
  }
  result.converted.push({ file: table.file, line: table.line, what: 'release classes', why: `${table.rows.length} class(es) with their gate sets` });
}

function importMilestoneGateSets(table: MarkdownTable, milestoneColumn: number, gatesColumn: number, known: string[], classes: Map<string, string[]>, result: ImportedProse, ids: IdPatterns): void {
  for (const { line, cells } of table.rows) {
    const milestone = plainText(cells[milestoneColumn] ?? '');
    const expanded = expandGateList(cells[gatesColumn] ?? '', known, classes, ids);
    for (const text of expanded.unresolved) result.review.push({ file: table.file, line, what: `${milestone} gates: ${text}`, why: 'names no gate of the matrix; left out of the set' });
    if (ids.matches('milestone', milestone)) result.milestoneGateSets.push({ milestone, gates: expanded.gates });
    else result.notUnderstood.push({ file: table.file, line, what: milestone, why: `not a milestone id: expected ${ids.describe('milestone')}` });
  }
  result.converted.push({ file: table.file, line: table.line, what: 'minimum gate set per milestone', why: `${table.rows.length} milestone(s)` });
}

function mergePlaybook(into: ImportedPlaybook, from: ImportedPlaybook): void {
  for (const key of Object.keys(into) as Array<keyof ImportedPlaybook>) (into[key] as unknown[]).push(...from[key]);
}

function mergeCadence(into: ImportedCadence, from: ImportedCadence): void {
  into.activities.push(...from.activities);
  Object.assign(into.ownership, from.ownership);
}

/** A document named in the prose, found beside it (same folder, or anywhere in the folder). */
function findDocument(reader: FileReader, folder: string, files: readonly string[], name: string): string | undefined {
  const direct = posix.join(folder, name);
  if (reader.read(direct) !== undefined) return direct;
  return files.find((f) => f.endsWith(`/${name}`));
}
