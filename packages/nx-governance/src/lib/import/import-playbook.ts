import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import type { ImportedGate } from './import-gates';
import type { ImportLog } from './import-log';
import { column } from './markdown-tables';
import { type ListItem, type MarkdownSection, plainText, slug, uniqueId } from './markdown-sections';

export interface ImportedPlaybook {
  roles: Array<{ id: string; title: string; owner: string }>;
  preReleaseChecklist: Array<{ id: string; text: string; owner?: string }>;
  goNoGo: Array<{ id: string; text: string; owner?: string }>;
  rollbackTriggers: Array<Record<string, unknown>>;
  rollbackProcedure: Array<{ step: string; owner: string }>;
}

const PART = {
  roles: /^roles?\b|owners?$/i,
  checklist: /pre-?release checklist|release checklist/i,
  goNoGo: /go\s*\/\s*no-?go/i,
  triggers: /rollback triggers?/i,
  procedure: /rollback procedure|procedure/i,
};
/** "(Release Manager)" or "— Owner: Release Manager" at the end of an item. */
const OWNER_SUFFIX = /\s*(?:\(([^()]+)\)|[—–-]+\s*owner:\s*(.+?))\.?\s*$/i;

/** Roles, checklist, go/no-go rules, rollback triggers and procedure from a prose playbook's headings, lists and tables. */
export function importPlaybook(sections: MarkdownSection[], gates: ImportedGate[], log: ImportLog, ids: IdPatterns): ImportedPlaybook {
  const playbook: ImportedPlaybook = { roles: [], preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [] };
  const roleIds = () => new Set(playbook.roles.map((r) => r.id));
  for (const section of sections.filter((s) => PART.roles.test(s.heading))) {
    for (const item of section.items) {
      const role = /^\*\*([^*]+)\*\*\s*(?:\(([^)]+)\))?\s*:?\s*(.*)$/.exec(item.text);
      if (!role) continue;
      const owner = role[2] ?? /^([^.]+)\./.exec(role[3])?.[1] ?? 'to be assigned';
      addRole(playbook, role[1], owner, section, item, log);
    }
    for (const table of section.tables) {
      const [roleColumn, personColumn] = [column(table, /^role$/), column(table, /^person$|^owner$|^who$/)];
      if (roleColumn < 0) continue;
      for (const row of table.rows) addRole(playbook, row.cells[roleColumn] ?? '', row.cells[personColumn] ?? 'to be assigned', section, { text: row.cells.join(' | '), line: row.line }, log);
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
  for (const section of sections.filter((s) => PART.triggers.test(s.heading))) {
    for (const item of section.items) importTrigger(section, item, gates, playbook, log, ids);
  }
  for (const section of sections.filter((s) => PART.procedure.test(s.heading) && !PART.triggers.test(s.heading))) {
    const steps = [...section.items, ...section.tables.flatMap((t) => t.rows.map((r) => ({ text: `${r.cells[column(t, /^step$/)] ?? ''} (${r.cells[column(t, /^owner$/)] ?? ''})`, line: r.line })))];
    for (const item of steps) {
      const { text, owner } = ownerOf(plainText(item.text));
      if (!owner) log.review.push({ file: section.file, line: item.line, what: `rollback step "${text}"`, why: `no owner that is a role; ${RELEASE_MANAGER_ROLE} assumed` });
      playbook.rollbackProcedure.push({ step: text, owner: owner ?? RELEASE_MANAGER_ROLE });
    }
    log.converted.push({ file: section.file, line: section.line, what: section.heading, why: `${steps.length} rollback step(s) with owners` });
  }
  return playbook;
}

function addRole(playbook: ImportedPlaybook, title: string, owner: string, section: MarkdownSection, item: ListItem, log: ImportLog): void {
  const id = slug(title);
  if (playbook.roles.some((r) => r.id === id)) return;
  playbook.roles.push({ id, title: plainText(title), owner: plainText(owner) || 'to be assigned' });
  log.converted.push({ file: section.file, line: item.line, what: `role ${id}`, why: `owner ${plainText(owner) || 'to be assigned'}` });
}

function importTrigger(section: MarkdownSection, item: ListItem, gates: ImportedGate[], playbook: ImportedPlaybook, log: ImportLog, ids: IdPatterns): void {
  const text = plainText(item.text);
  const where = { file: section.file, line: item.line };
  const named = ids.findIn('gate', text).filter((id) => gates.some((g) => g.id === id));
  const kind = /^(functional|compatibility|performance)\b/i.exec(text)?.[1].toLowerCase();
  const description = text;
  if (kind === 'functional' && named.length) playbook.rollbackTriggers.push({ id: 'functional', kind, gates: named, description });
  else if (kind === 'compatibility') playbook.rollbackTriggers.push({ id: 'compatibility', kind, description });
  else if (kind === 'performance') {
    const budget = /(\d+(?:\.\d+)?)\s*%/.exec(text)?.[1];
    const gate = gates.find((g) => named.includes(g.id) && g.passCriteria?.metrics?.length);
    const metric = gate?.passCriteria?.metrics?.[0]?.name;
    if (!budget || !gate || !metric) {
      log.review.push({ ...where, what: `trigger "${text}"`, why: 'a performance trigger needs a budget in % and a gate with a metric; none found' });
      return;
    }
    playbook.rollbackTriggers.push({ id: 'performance', kind, gate: gate.id, metric, budgetPercent: Number(budget), description });
  } else {
    log.review.push({ ...where, what: `trigger "${text}"`, why: 'not a functional (with a gate), compatibility or performance trigger' });
    return;
  }
  log.converted.push({ ...where, what: `${kind} rollback trigger`, why: text });
}
