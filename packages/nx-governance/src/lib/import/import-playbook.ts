import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import type { ImportedGate } from './import-gates';
import type { ImportLog } from './import-log';
import { column, type MarkdownSection, type MarkdownTable, plainText, slug, uniqueId } from './markdown-document';
import { ownershipStatements } from './cadence-ownership';
import { ownerRoles } from './owner-roles';
import { aboutRollback, importTriggers, isTriggerSection, ROLLBACK_HEADING } from './import-triggers';

export interface ImportedPlaybook {
  roles: Array<{ id: string; title: string; owner: string }>;
  preReleaseChecklist: Array<{ id: string; text: string; owner?: string }>;
  goNoGo: Array<{ id: string; text: string; owner?: string }>;
  rollbackTriggers: Array<Record<string, unknown>>;
  rollbackProcedure: Array<{ step: string; owner: string }>;
}

export const emptyPlaybook = (): ImportedPlaybook => ({ roles: [], preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [] });

const PART = {
  roles: /^roles?\b|owners?$|who'?s who|responsibilit|raci/i,
  checklist: /pre-?release checklist|release checklist/i,
  goNoGo: /go\s*\/\s*no-?go/i,
  procedure: /procedure|how to roll|rolling back|steps/i,
};
/** "(Release Manager)" or "— Owner: Release Manager" at the end of an item. */
const OWNER_SUFFIX = /\s*(?:\(([^()]+)\)|[—–-]+\s*owner:\s*(.+?))\.?\s*$/i;

export interface PlaybookContext {
  gates: ImportedGate[];
  ids: IdPatterns;
  requiredGates: () => string[];
}

/** Roles, checklist, go/no-go rules, rollback triggers and procedure from a document's headings, lists and tables; the tables it read. */
export function importPlaybook(sections: MarkdownSection[], context: PlaybookContext, playbook: ImportedPlaybook, log: ImportLog): Set<MarkdownTable> {
  const used = new Set<MarkdownTable>();
  const roleIds = () => new Set(playbook.roles.map((r) => r.id));
  for (const section of sections.filter((s) => PART.roles.test(plainText(s.heading)))) {
    for (const item of section.items) {
      // "Decision log: release captain." names who owns an artifact, not a role: the cadence's ownership (import-cadence.ts).
      if (ownershipStatements(item.text)) continue;
      const role = /^\*\*([^*]+)\*\*\s*(?:\(([^)]+)\))?\s*[:\u2014\u2013-]?\s*(.*)$/.exec(item.text) ?? /^([A-Z][\w &+/-]{1,60}?)\s*(?:\(([^)]+)\))?\s*[:—–]\s*(.*)$/.exec(item.text);
      if (!role) continue;
      // "@alice; owns the go/no-go call.": the owner is what comes before the first ; or full stop, the rest says what the role does.
      const owner = role[2] ?? /^([^.;]+)[.;]/.exec(role[3])?.[1]?.trim() ?? (role[3] || 'to be assigned');
      addRoles(playbook, role[1], owner, { file: section.file, line: item.line }, log);
    }
    for (const table of section.tables) {
      const [roleColumn, personColumn] = [column(table, /^roles?$/), column(table, /^person$|^owners?$|^who$|^name$|^people$/)];
      if (roleColumn < 0) continue;
      used.add(table);
      for (const row of table.rows) addRoles(playbook, row.cells[roleColumn] ?? '', row.cells[personColumn] ?? 'to be assigned', { file: section.file, line: row.line }, log);
    }
  }
  const ownerOf = (text: string) => {
    const match = OWNER_SUFFIX.exec(text);
    const named = (match?.[1] ?? match?.[2])?.trim();
    const id = named ? slug(named) : undefined;
    return { text: match && id && roleIds().has(id) ? text.slice(0, match.index).trim() : text, owner: id && roleIds().has(id) ? id : undefined };
  };
  for (const [part, target] of [['checklist', playbook.preReleaseChecklist], ['goNoGo', playbook.goNoGo]] as const) {
    for (const section of sections.filter((s) => PART[part].test(s.heading))) {
      for (const item of section.items) {
        const { text, owner } = ownerOf(plainText(item.text));
        target.push({ id: uniqueId(slug(text), target.map((t) => t.id)), text, ...(owner ? { owner } : {}) });
      }
      log.converted.push({ file: section.file, line: section.line, what: section.heading, why: `${section.items.length} item(s)` });
    }
  }
  for (const section of sections.filter(isTriggerSection)) {
    section.tables.forEach((t) => used.add(t));
    importTriggers(section, context, playbook.rollbackTriggers, log);
  }
  const rollbackDocument = ROLLBACK_HEADING.test(sections.find((s) => s.depth === 1)?.heading ?? '');
  const isProcedure = (s: MarkdownSection) => PART.procedure.test(s.heading) && (aboutRollback(s) || (rollbackDocument && /^(rollback )?procedure$/i.test(plainText(s.heading))));
  for (const section of sections.filter((s) => isProcedure(s) && !isTriggerSection(s))) {
    const tables = section.tables.filter((t) => column(t, /^step$/) >= 0);
    tables.forEach((t) => used.add(t));
    const steps = [...section.items, ...tables.flatMap((t) => t.rows.map((r) => ({ text: `${r.cells[column(t, /^step$/)] ?? ''} (${r.cells[column(t, /^owner$/)] ?? ''})`, line: r.line })))];
    for (const item of steps) {
      const { text, owner } = ownerOf(plainText(item.text));
      if (!owner) log.review.push({ file: section.file, line: item.line, what: `rollback step "${text}"`, why: `no owner that is a role; ${RELEASE_MANAGER_ROLE} assumed` });
      playbook.rollbackProcedure.push({ step: text, owner: owner ?? RELEASE_MANAGER_ROLE });
    }
    log.converted.push({ file: section.file, line: section.line, what: section.heading, why: `${steps.length} rollback step(s) with owners` });
  }
  return used;
}

/** One role per owner a cell names ("Core owner + trailhead owner" is two), each with the people named beside it. */
function addRoles(playbook: ImportedPlaybook, title: string, owner: string, where: { file: string; line: number }, log: ImportLog): void {
  const person = plainText(owner) || 'to be assigned';
  const titles = plainText(title).split(/\s*(?:\+|&)\s*/).filter(Boolean);
  for (const [i, id] of ownerRoles(title).entries()) {
    if (playbook.roles.some((r) => r.id === id)) continue;
    playbook.roles.push({ id, title: titles[i] ?? id, owner: person });
    log.converted.push({ ...where, what: `role ${id}`, why: `owner ${person}` });
  }
}
