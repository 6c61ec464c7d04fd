import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import { type ConvertContext, convertCommand } from './convert-command';
import type { ImportLog } from './import-log';
import { column, type MarkdownTable, plainText } from './markdown-document';
import { ownerRoles } from './owner-roles';
import { readPassCriteria, readTestMinimum } from './pass-criteria-prose';

export type ImportedGate = Record<string, unknown> & {
  id: string;
  owner: string;
  kind: 'command' | 'manual';
  passCriteria?: { metrics?: Array<{ name: string }> };
};

export interface GateImportContext extends ConvertContext {
  /** The forms of ids the workspace uses (governance.json's `ids`). */
  ids: IdPatterns;
  /** Where the review items are written, for a blocked gate to point at. */
  reportFile: string;
  /** The workspace path of a document the prose names, when it exists beside the prose. */
  documentPath: (name: string) => string | undefined;
}

const items = (cell: string) => cell.split(/<br\s*\/?>|;/i).map(plainText).filter(Boolean);
const MANUAL = /\b(manual|checklist|review|sign-?off|attest)/i;
const NX_TARGET = /^(?:npx\s+)?nx\s+run\s+([^\s:]+:[^\s:]+(?::[^\s:]+)?)$/;
/** A file a person reads, not a program: a gate whose command starts with one is a review. */
const DOCUMENT = /^[\w./-]+\.(?:md|markdown|txt|rst|adoc|pdf|html?)$/i;
/** A folder a person reads (`docs/spec/`): a review too. */
const FOLDER = /^[\w.-]+(?:\/[\w.-]+)*\/$/;
/** Words that join commands in prose: what follows them is another command. */
const JOINER = /^\s*(?:(?:and\s+)?then\b|&&|;|,|and\b|or\b|<br\s*\/?>|$)/i;

/** A gate as the prose writes it, whatever the layout (a table row, a list item, a heading with paragraphs). */
export interface GateDefinition {
  id: string;
  where: Where;
  /** What the gate covers, as written ('' when not stated). */
  scope: string;
  /** How it is checked: a command in backticks, a review of a document, or words. */
  method: string;
  criteria: string;
  enforcement: string;
  owners: string;
  /** Written in sentences (a list item, a paragraph): words that name no command and no gate describe a check a person makes. */
  inProse?: boolean;
}

/** The gates of the release class the import writes when the prose defines none (plan-import.ts): every blocking gate. */
export function everyBlockingGate(gates: readonly ImportedGate[]): string[] {
  return gates.filter((g) => g.enforcement !== 'advisory').map((g) => g.id);
}

/** Gates from a validation-matrix table: runnable where the command converts, blocked with the reason where not, manual for reviews. */
export function importGateTable(table: MarkdownTable, idColumn: number, commandColumn: number, context: GateImportContext, gates: ImportedGate[], log: ImportLog): void {
  const scopeColumn = column(table, /^scope$/, /^title$/, /^what$/, /^name$/, /^description$/, /^what it (?:checks|covers|tests|verifies)$/, /^checks?$/, /^purpose$/);
  const criteriaColumn = column(table, /^pass criteria$/, /^criteria$/, /^pass$/, /^expected$/);
  const ownerColumn = column(table, /^owners?$/);
  const enforcementColumn = column(table, /^enforcement$/, /^blocking$/, /^level$/, /^mode$/, /^required$/);
  for (const { line, cells } of table.rows) {
    const cell = (index: number) => (index >= 0 ? (cells[index] ?? '') : '');
    const definition = { id: plainText(cell(idColumn)), where: { file: table.file, line }, scope: plainText(cell(scopeColumn)), method: cell(commandColumn), criteria: cell(criteriaColumn), enforcement: yesNoEnforcement(table.headers[enforcementColumn], cell(enforcementColumn)), owners: cell(ownerColumn) };
    importGate(definition, context, gates, log);
  }
}

/** One gate into `gates`, unless its id is not a gate id or is taken (each listed); every outcome is in the log. */
export function importGate(definition: GateDefinition, context: GateImportContext, gates: ImportedGate[], log: ImportLog): void {
  const { id, where } = definition;
  if (!context.ids.matches('gate', id)) {
    log.notUnderstood.push({ ...where, what: `gate ${JSON.stringify(id)}`, why: `not a gate id: expected ${context.ids.describe('gate')}` });
    return;
  }
  if (importedIds(gates).has(id)) {
    log.review.push({ ...where, what: id, why: 'defined twice; the first definition was kept' });
    return;
  }
  const scope = definition.scope || id;
  const owners = ownerRoles(definition.owners);
  if (owners.length > 1) log.review.push({ ...where, what: `${id} owner`, why: `owners ${owners.join(', ')}: a gate has one owner, ${owners[0]} was written` });
  const common = { id, title: scope, scope, ...readEnforcement(definition.enforcement), owner: owners[0] ?? RELEASE_MANAGER_ROLE };
  gates.push(gateFrom(definition.method, definition.criteria, common, where, context, log, definition.inProse ?? false));
  importedIds(gates).add(id);
}

/**
 * The ids in a list of imported gates, kept beside it (importGate is the only writer): looking each new id up in the
 * list made a 20,000-row validation table take 30 s instead of 2 (tools/bench-import.ts).
 */
const idsByList = new WeakMap<ImportedGate[], Set<string>>();
function importedIds(gates: ImportedGate[]): Set<string> {
  let ids = idsByList.get(gates);
  if (!ids) idsByList.set(gates, (ids = new Set(gates.map((g) => g.id))));
  return ids;
}

/** "advisory unless promoted by DEC-7" is advisory, with the condition kept; "blocking" or nothing is blocking. */
export function readEnforcement(cell: string): { enforcement: 'blocking' | 'advisory'; enforcementNote?: string } {
  const text = plainText(cell);
  const advisory = /^(advisory|optional|non-blocking|informational|warn(ing)?)\b/i.test(text) || (/\b(advisory|optional|non-blocking)\b/i.test(text) && !/^(blocking|required|mandatory)\b/i.test(text));
  // The condition is in the clause that says advisory ("advisory unless promoted by DEC-7", "no: advisory until ADR-3 is
  // accepted"); a reason in another clause ("advisory: flaky on CI") is no condition.
  const clauses = text.split(/[:;]/);
  const saysAdvisory = clauses.find((c) => /\b(advisory|optional|non-blocking)\b/i.test(c)) ?? clauses[0];
  const condition = /\b(unless|until|once|when|if|after)\b/i.test(saysAdvisory);
  return { enforcement: advisory ? 'advisory' : 'blocking', ...(condition ? { enforcementNote: text } : {}) };
}

/** Under a "Blocking" or "Required" column, "no" is advisory and "yes" blocking, as the column asks. */
function yesNoEnforcement(header: string | undefined, cell: string): string {
  if (!header || !/^(blocking|required)$/i.test(header)) return cell;
  return cell.replace(/^\s*(?:no|false|n)\b(?!\s*\S*\s*advisory)/i, 'advisory').replace(/^\s*(?:yes|true|y)\b/i, 'blocking');
}

type Where = { file: string; line: number };
type Common = { id: string; title: string; scope: string; enforcement: string; owner: string };

function gateFrom(method: string, criteria: string, common: Common, where: Where, context: GateImportContext, log: ImportLog, inProse: boolean): ImportedGate {
  const { id } = common;
  const spans = codeSpans(method);
  const prose = plainText(method.replace(/`[^`]*`/g, ' '));
  const blocked = (why: string): ImportedGate => {
    log.review.push({ ...where, what: id, why: `${why}; written as a blocked gate until converted by hand, never run through a shell` });
    return { ...common, kind: 'command', steps: [], blocked: { reason: why, review: `${context.reportFile} (${id})` } };
  };
  const firstWord = (text: string) => text.trim().split(/\s+/)[0] ?? '';
  const documents = spans.filter((s) => DOCUMENT.test(firstWord(s.text)) || FOLDER.test(firstWord(s.text)));
  // A sentence of its own that names no command and no gate says what a person checks; a table cell that short may be a reference.
  const describesCheck = inProse && prose.split(/\s+/).length >= 3 && context.ids.findIn('gate', prose).length === 0;
  if (spans.length === 0 || documents.length > 0 || (MANUAL.test(prose) && spans.every((s) => s.isName))) {
    if (spans.length === 0 && !MANUAL.test(prose) && !/\.md\b/.test(prose) && !describesCheck) {
      return blocked(prose ? `"${prose}" is not a command (a reference to another gate?)` : 'no command');
    }
    return manualGate(method, criteria, common, where, context, log);
  }
  if (prose && !MANUAL.test(prose) && context.ids.findIn('gate', prose).length > 0 && spans.every((s) => s.isName)) {
    return blocked(`"${prose}" is not a command (a reference to another gate?)`);
  }
  const steps: object[] = [];
  const notes: string[] = [];
  let timeoutSeconds: number | undefined;
  for (const span of spans) {
    if (span.isName) {
      // "plus `trailhead` calibration artifact review" is a check a person makes; "on `main` before merging" only names something.
      const check = MANUAL.test(span.clause.replace(/`[^`]*`/g, ''));
      log.review.push({ ...where, what: id, why: check ? `${span.clause}: not a command, so not a step; do it by hand or add a gate for it` : `${span.clause}: a name in the sentence, not a command, so not a step; nothing to do unless it names a check of its own` });
      continue;
    }
    const nxTarget = NX_TARGET.exec(span.text.trim());
    if (nxTarget) {
      steps.push({ target: nxTarget[1] });
      continue;
    }
    const converted = convertCommand(span.text, context);
    if (!converted.ok) return blocked(`\`${span.text}\`: ${converted.reason}`);
    notes.push(...converted.notes);
    timeoutSeconds = converted.timeoutSeconds ?? timeoutSeconds;
    steps.push(...converted.steps);
  }
  const read = readPassCriteria(criteria);
  if (read.unconverted) log.review.push({ ...where, what: `${id} pass criteria`, why: `"${read.unconverted}" kept as prose: only exit codes, test counts and metric budgets convert` });
  // A minimum stated beside the scope ("Unit and integration tests (at least 40 must run)") holds as one in the criteria column.
  const fromScope = read.criteria?.minTests ? undefined : readTestMinimum(common.scope);
  if (fromScope !== undefined) notes.push(`at least ${fromScope} tests, as its scope states`);
  const pass = fromScope === undefined ? read : { ...read, criteria: { ...read.criteria, minTests: { count: fromScope } } };
  log.converted.push({ ...where, what: id, why: `command gate, ${steps.length} step(s)${notes.length ? ` (${notes.join('; ')})` : ''}` });
  return { ...common, kind: 'command', steps, ...(timeoutSeconds ? { timeoutSeconds } : {}), ...(pass.criteria ? { passCriteria: pass.criteria } : {}) };
}

function manualGate(method: string, criteria: string, common: Common, where: Where, context: GateImportContext, log: ImportLog): ImportedGate {
  const text = plainText(method);
  const named = [...method.matchAll(/[\w./-]+\.(?:md|markdown|txt|rst|adoc)\b/g)].map((m) => m[0]);
  const documents = [...new Set(named.map((name) => context.documentPath(name)).filter((p): p is string => p !== undefined))];
  const checklist = [...(/^(manual|checklist)\.?$/i.test(text) ? [] : [text]), ...items(criteria)];
  log.converted.push({ ...where, what: common.id, why: `manual gate with ${checklist.length || 1} checklist item(s)${documents.length ? `, covering ${documents.join(', ')}` : ''}` });
  return { ...common, kind: 'manual', checklist: checklist.length ? checklist : [common.scope], ...(documents.length ? { inputs: documents } : {}) };
}

/**
 * The code spans of a method cell, each with whether it is only a name in a
 * sentence: one word followed by more prose ("plus `trailhead` calibration
 * artifact review") names something; it is no command to run.
 */
function codeSpans(method: string): Array<{ text: string; isName: boolean; clause: string }> {
  const spans: Array<{ text: string; isName: boolean; clause: string }> = [];
  const pattern = /`([^`]+)`/g;
  for (let match = pattern.exec(method); match; match = pattern.exec(method)) {
    const after = method.slice(match.index + match[0].length);
    const oneWord = !/\s/.test(match[1].trim());
    const isName = oneWord && !match[1].includes('/') && !JOINER.test(after);
    const clause = `\`${match[1]}\`${/^[^`.;,()]*/.exec(after)?.[0].trimEnd() ?? ''}`;
    spans.push({ text: match[1], isName, clause });
  }
  return spans;
}
