import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import { type ConvertContext, convertCommand } from './convert-command';
import type { ImportLog } from './import-log';
import { column, type MarkdownTable } from './markdown-tables';
import { plainText, slug } from './markdown-sections';
import { readPassCriteria } from './pass-criteria-prose';

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

const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const items = (cell: string) => cell.split(/<br\s*\/?>|;/i).map(plainText).filter(Boolean);
const MANUAL = /\b(manual|checklist|review|sign-?off|attest)/i;
const NX_TARGET = /^(?:npx\s+)?nx\s+run\s+([^\s:]+:[^\s:]+(?::[^\s:]+)?)$/;

/** Gates from a validation-matrix table: runnable where the command converts, blocked with the reason where not, manual for manual methods. */
export function importGateTable(table: MarkdownTable, idColumn: number, commandColumn: number, context: GateImportContext, gates: ImportedGate[], log: ImportLog): void {
  const scopeColumn = column(table, /^scope$/, /^title$/, /^what$/);
  const criteriaColumn = column(table, /^pass criteria$/, /^criteria$/, /^pass$/);
  const ownerColumn = column(table, /^owner$/);
  const enforcementColumn = column(table, /^enforcement$/, /^blocking$/, /^level$/);
  for (const { line, cells } of table.rows) {
    const id = plainText(cells[idColumn] ?? '');
    const where = { file: table.file, line };
    if (!context.ids.matches('gate', id)) {
      log.notUnderstood.push({ ...where, what: `gate ${JSON.stringify(id)}`, why: `not a gate id: expected ${context.ids.describe('gate')}` });
      continue;
    }
    if (gates.some((g) => g.id === id)) {
      log.review.push({ ...where, what: id, why: 'listed twice; the first row was kept' });
      continue;
    }
    const scope = plainText(cells[scopeColumn] ?? '') || id;
    const common = {
      id,
      title: scope,
      scope,
      enforcement: /advisory|optional|non-blocking/i.test(cells[enforcementColumn] ?? '') ? 'advisory' : 'blocking',
      owner: ownerColumn >= 0 ? slug(cells[ownerColumn] ?? '', RELEASE_MANAGER_ROLE) : RELEASE_MANAGER_ROLE,
    };
    const method = cells[commandColumn] ?? '';
    const criteria = cells[criteriaColumn] ?? '';
    const blocked = (why: string): void => {
      gates.push({ ...common, kind: 'command', steps: [], blocked: { reason: why, review: `${context.reportFile} (${id})` } });
      log.review.push({ ...where, what: id, why: `${why}; written as a blocked gate until converted by hand, never run through a shell` });
    };
    const commands = code(method);
    const prose = plainText(method.replace(/`[^`]*`/g, ' '));
    if (commands.length === 0 || (prose && !MANUAL.test(prose) && context.ids.findIn('gate', prose).length > 0)) {
      if (commands.length === 0 && (MANUAL.test(prose) || /\.md\b/.test(prose))) {
        const documents = [...prose.matchAll(/[\w./-]+\.md\b/g)].map((m) => context.documentPath(m[0])).filter((p): p is string => p !== undefined);
        const checklist = [...(/^(manual|checklist)\.?$/i.test(prose) ? [] : [prose]), ...items(criteria)];
        gates.push({ ...common, kind: 'manual', checklist: checklist.length ? checklist : [scope], ...(documents.length ? { inputs: documents } : {}) });
        log.converted.push({ ...where, what: id, why: `manual gate with ${checklist.length || 1} checklist item(s)${documents.length ? `, covering ${documents.join(', ')}` : ''}` });
      } else blocked(prose ? `"${prose}" is not a command (a reference to another gate?)` : 'no command');
      continue;
    }
    const steps: object[] = [];
    const notes: string[] = [];
    let timeoutSeconds: number | undefined;
    let refused: string | undefined;
    for (const text of commands) {
      const nxTarget = NX_TARGET.exec(text.trim());
      if (nxTarget) {
        steps.push({ target: nxTarget[1] });
        continue;
      }
      const converted = convertCommand(text, context);
      if (!converted.ok) {
        refused = `\`${text}\`: ${converted.reason}`;
        break;
      }
      notes.push(...converted.notes);
      timeoutSeconds = converted.timeoutSeconds ?? timeoutSeconds;
      steps.push(...converted.steps);
    }
    if (refused) {
      blocked(refused);
      continue;
    }
    const pass = readPassCriteria(criteria);
    if (pass.unconverted) log.review.push({ ...where, what: `${id} pass criteria`, why: `"${pass.unconverted}" kept as prose: only exit codes, test counts and metric budgets convert` });
    gates.push({ ...common, kind: 'command', steps, ...(timeoutSeconds ? { timeoutSeconds } : {}), ...(pass.criteria ? { passCriteria: pass.criteria } : {}) });
    log.converted.push({ ...where, what: id, why: `command gate, ${steps.length} step(s)${notes.length ? ` (${notes.join('; ')})` : ''}` });
  }
}
