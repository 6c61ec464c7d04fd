import type { Diagnostic } from '../diagnostics';
import { parseMilestone } from '../milestone/parse-milestone';
import { splitGateIds } from '../milestone/parse-task-card';
import { GATE_ID_PATTERN } from '../schemas/common';
import type { FileReader } from '../workspace/file-reader';
import { convertCommand } from './convert-command';
import { column, type MarkdownTable, readMarkdownTables } from './markdown-tables';

export interface ReviewItem {
  file: string;
  line: number;
  what: string;
  why: string;
}

export interface ImportedProse {
  gates: Array<Record<string, unknown>>;
  releaseClasses: Array<{ id: string; title: string; description?: string; gates: string[] }>;
  milestoneGateSets: Array<{ milestone: string; gates: string[] }>;
  compatibility?: { releases: Array<{ version: string; date: string }>; consumers: string[]; tuples: Array<{ id: string; core: string; consumers: Record<string, string> }> };
  converted: string[];
  review: ReviewItem[];
  milestones: Array<{ file: string; id: string; cards: number }>;
  milestoneProblems: Diagnostic[];
}

export interface ImportOptions {
  /** The core project's name, as it heads the compatibility table's core column. */
  coreName: string;
  /** Maps an absolute path from the prose to a workspace folder, when it names one. */
  workspaceFolder: (absolute: string) => string | undefined;
}

const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const plain = (cell: string) => cell.replace(/`/g, '').trim();
const items = (cell: string) => cell.split(/<br\s*\/?>|;/i).map(plain).filter(Boolean);
const roleId = (text: string) => plain(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'release-manager';

/**
 * Reads a folder of prose governance (validation matrix, release classes,
 * compatibility table, milestones) into governance data, and says what it
 * could not convert and why.
 */
export function importProse(reader: FileReader, folder: string, options: ImportOptions): ImportedProse {
  const result: ImportedProse = { gates: [], releaseClasses: [], milestoneGateSets: [], converted: [], review: [], milestones: [], milestoneProblems: [] };
  for (const file of reader.list(folder, '.md')) {
    const text = reader.read(file) ?? '';
    if (/^#\s+`?M\d+/m.test(text.split('\n').find((l) => l.startsWith('# ')) ?? '')) {
      const parsed = parseMilestone(file, text);
      if (parsed.ok) result.milestones.push({ file, id: parsed.document.id, cards: parsed.document.taskCards.length });
      result.milestoneProblems.push(...parsed.diagnostics);
      continue;
    }
    for (const table of readMarkdownTables(file, text)) importTable(table, options, result);
  }
  return result;
}

function importTable(table: MarkdownTable, options: ImportOptions, result: ImportedProse): void {
  const gateId = column(table, /^vg id$/, /^gate( id)?$/, /^id$/);
  const command = column(table, /^command/, /^method/, /^how/);
  const gatesColumn = column(table, /gates?$/, /gate set/);
  if (gateId >= 0 && command >= 0) return importGates(table, gateId, command, options, result);
  const classColumn = column(table, /^release class$/, /^class$/);
  if (classColumn >= 0 && gatesColumn >= 0) return importReleaseClasses(table, classColumn, gatesColumn, result);
  const milestoneColumn = column(table, /^milestone$/);
  if (milestoneColumn >= 0 && gatesColumn >= 0) {
    for (const row of table.rows) result.milestoneGateSets.push({ milestone: plain(row.cells[milestoneColumn]), gates: splitGateIds(row.cells[gatesColumn] ?? '') });
    result.converted.push(`${table.file}:${table.line}: minimum gate sets of ${table.rows.length} milestone(s)`);
    return;
  }
  const coreColumn = table.headers.indexOf(options.coreName.toLowerCase());
  if (coreColumn >= 0) return importCompatibility(table, coreColumn, result);
  result.review.push({ file: table.file, line: table.line, what: `table | ${table.headers.join(' | ')} |`, why: 'not a table this import knows (gates, release classes, milestone gate sets, compatibility)' });
}

function importGates(table: MarkdownTable, idColumn: number, commandColumn: number, options: ImportOptions, result: ImportedProse): void {
  const scopeColumn = column(table, /^scope$/, /^title$/, /^what$/);
  const criteriaColumn = column(table, /^pass criteria$/, /^criteria$/, /^pass$/);
  const ownerColumn = column(table, /^owner$/);
  const enforcementColumn = column(table, /^enforcement$/, /^blocking$/, /^level$/);
  for (const { line, cells } of table.rows) {
    const id = plain(cells[idColumn] ?? '');
    const where = { file: table.file, line };
    if (!GATE_ID_PATTERN.test(id)) {
      result.review.push({ ...where, what: `gate ${JSON.stringify(id)}`, why: 'not a gate id (VG- then upper-case words and digits)' });
      continue;
    }
    if (result.gates.some((g) => g.id === id)) {
      result.review.push({ ...where, what: id, why: 'listed twice; the first row was kept' });
      continue;
    }
    const scope = plain(cells[scopeColumn] ?? '') || id;
    const criteria = cells[criteriaColumn] ?? '';
    const common = {
      id,
      title: scope,
      scope,
      enforcement: /advisory|optional|non-blocking/i.test(cells[enforcementColumn] ?? '') ? 'advisory' : 'blocking',
      owner: ownerColumn >= 0 ? roleId(cells[ownerColumn]) : 'release-manager',
    };
    const commandCell = cells[commandColumn] ?? '';
    const commands = code(commandCell);
    if (commands.length === 0 && /manual|checklist|review|sign-?off/i.test(commandCell)) {
      const checklist = items(criteria).length ? items(criteria) : [scope];
      result.gates.push({ ...common, kind: 'manual', checklist });
      result.converted.push(`${id}: manual gate with ${checklist.length} checklist item(s)`);
      continue;
    }
    if (commands.length === 0) {
      result.review.push({ ...where, what: `${id}: ${plain(commandCell) || '(empty)'}`, why: 'no command in backticks and not a manual checklist' });
      continue;
    }
    const steps: Array<Record<string, unknown>> = [];
    const notes: string[] = [];
    let refused: string | undefined;
    for (const text of commands) {
      const nxTarget = /^(?:npx\s+)?nx\s+run\s+([^\s:]+:[^\s:]+(?::[^\s:]+)?)$/.exec(text.trim());
      if (nxTarget) {
        steps.push({ target: nxTarget[1] });
        continue;
      }
      const converted = convertCommand(text, options.workspaceFolder);
      if (!converted.ok) {
        refused = `\`${text}\`: ${converted.reason}`;
        break;
      }
      notes.push(...converted.notes);
      steps.push({ argv: converted.argv, ...(converted.cwd ? { cwd: converted.cwd } : {}), ...(converted.env ? { env: converted.env } : {}) });
    }
    if (refused) {
      result.review.push({ ...where, what: id, why: `${refused}; kept for review, never run through a shell` });
      continue;
    }
    const minTests = /(?:at least|>=|≥|min(?:imum)?)\s*(\d+)\s*tests?/i.exec(criteria) ?? /(\d+)\+?\s*tests?\s*(?:pass|executed|run)/i.exec(criteria);
    const gate: Record<string, unknown> = { ...common, kind: 'command', steps };
    if (minTests) gate.passCriteria = { minTests: { count: Number(minTests[1]) } };
    else if (plain(criteria) && !/^(exit( code)? 0|passes|green|succeeds?)\.?$/i.test(plain(criteria))) {
      result.review.push({ ...where, what: `${id} pass criteria`, why: `"${plain(criteria)}" kept as prose: only exit codes and minimum test counts convert` });
    }
    result.gates.push(gate);
    result.converted.push(`${id}: command gate, ${steps.length} step(s)${notes.length ? ` (${notes.join('; ')})` : ''}`);
  }
}

function importReleaseClasses(table: MarkdownTable, classColumn: number, gatesColumn: number, result: ImportedProse): void {
  const titleColumn = column(table, /^title$/, /^name$/, /^scope$/);
  const descriptionColumn = column(table, /^description$/, /^meaning$/, /^when$/);
  for (const { line, cells } of table.rows) {
    const id = /R\d+/.exec(cells[classColumn] ?? '')?.[0];
    if (!id) {
      result.review.push({ file: table.file, line, what: plain(cells[classColumn] ?? ''), why: 'not a release class id like R2' });
      continue;
    }
    const title = plain(cells[titleColumn] ?? '') || plain((cells[classColumn] ?? '').replace(id, '').replace(/^[\s:–—-]+/, '')) || id;
    const description = plain(cells[descriptionColumn] ?? '');
    result.releaseClasses.push({ id, title, ...(description ? { description } : {}), gates: splitGateIds(cells[gatesColumn] ?? '') });
  }
  result.converted.push(`${table.file}:${table.line}: ${table.rows.length} release class(es)`);
}

function importCompatibility(table: MarkdownTable, coreColumn: number, result: ImportedProse): void {
  const tupleColumn = column(table, /^tuple$/, /^role$/, /^status$/);
  const dateColumn = column(table, /^validated$/, /^date$/, /^released?$/);
  const consumerColumns = table.headers.map((h, i) => ({ h, i })).filter(({ i }) => i !== coreColumn && i !== tupleColumn && i !== dateColumn);
  const compat = (result.compatibility ??= { releases: [], consumers: [], tuples: [] });
  for (const { h } of consumerColumns) if (!compat.consumers.includes(h)) compat.consumers.push(h);
  for (const [index, { line, cells }] of table.rows.entries()) {
    const core = plain(cells[coreColumn] ?? '');
    const date = plain(cells[dateColumn] ?? '');
    if (!/^\d+\.\d+\.\d+/.test(core)) {
      result.review.push({ file: table.file, line, what: `core ${JSON.stringify(core)}`, why: 'not a version' });
      continue;
    }
    if (!compat.releases.some((r) => r.version === core)) {
      if (/^\d{4}-\d{2}-\d{2}$/.test(date)) compat.releases.push({ version: core, date });
      else result.review.push({ file: table.file, line, what: `release ${core}`, why: 'no date in the row; add it to releases by hand' });
    }
    const id = plain(cells[tupleColumn] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-') || `row-${index + 1}`;
    compat.tuples.push({ id, core, consumers: Object.fromEntries(consumerColumns.map(({ h, i }) => [h, plain(cells[i] ?? '')]).filter(([, v]) => v && v !== '-')) });
  }
  result.converted.push(`${table.file}:${table.line}: ${table.rows.length} compatibility tuple(s)`);
}
