import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import type { ImportedGate } from './import-gates';
import type { ImportLog } from './import-log';
import { column, type MarkdownSection, type MarkdownTable, plainText, slug, uniqueId } from './markdown-document';
import { ownershipStatements } from './cadence-ownership';
import { isCadenceSection } from './import-cadence';
import { ownerRoles } from './owner-roles';
import { sentences } from './import-gate-prose';
import { aboutRollback, importTriggers, isTriggerSection, type RequiredGates, ROLLBACK_HEADING } from './import-triggers';

export interface ImportedPlaybook {
  roles: Array<{ id: string; title: string; owner: string }>;
  preReleaseChecklist: Array<{ id: string; text: string; owner?: string }>;
  goNoGo: Array<{ id: string; text: string; owner?: string }>;
  rollbackTriggers: Array<Record<string, unknown>>;
  rollbackProcedure: Array<{ step: string; owner: string }>;
}

export const emptyPlaybook = (): ImportedPlaybook => ({ roles: [], preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [] });

/** What each part of a playbook is headed, by meaning: "Who does what" is the roles, "Before tagging" the checklist. */
const PART = {
  roles: /^roles?\b|owners?$|who'?s who|who (does|owns) what|responsibilit|raci/i,
  checklist: /release checklist|^(?:checklist )?before (tagging|(a |the |each |every )?release|releasing|(we )?(tag|cut|ship|publish))/i,
  goNoGo: /go\s*\/\s*no-?go/i,
  procedure: /procedure|how (to|we|do we) roll|rolling back|steps/i,
};
/** A heading that says checklist in so many words, wherever it is. */
const CHECKLIST_NAMED = /release checklist/i;
/** A sentence of a checklist paragraph that states the go/no-go rule ("We go only when …; otherwise it is a no-go."). */
const GO_NO_GO_SENTENCE = /\bno-?go\b|\bwe go only\b/i;
/** A role in bold in running prose, with who holds it in parentheses: "the **release lead** (currently Marta)". */
const BOLD_ROLE = /\*\*([^*]+)\*\*\s*\((?:currently\s+)?([^)]+)\)/g;
/** "(Release Manager)" or "— Owner: Release Manager" at the end of an item. */
const OWNER_SUFFIX = /\s*(?:\(([^()]+)\)|[—–-]+\s*owner:\s*(.+?))\.?\s*$/i;

export interface PlaybookContext {
  gates: ImportedGate[];
  ids: IdPatterns;
  requiredGates: () => RequiredGates;
}

/** Roles, checklist, go/no-go rules, rollback triggers and procedure from a document's headings, lists and tables; the tables it read. */
export function importPlaybook(sections: MarkdownSection[], context: PlaybookContext, playbook: ImportedPlaybook, log: ImportLog): Set<MarkdownTable> {
  const used = new Set<MarkdownTable>();
  const roleIds = () => new Set(playbook.roles.map((r) => r.id));
  for (const section of sections.filter((s) => PART.roles.test(plainText(s.heading)))) {
    for (const item of section.items) {
      // "Decision log: release captain." names who owns an artifact, not a role: the cadence's ownership (import-cadence.ts).
      if (ownershipStatements(item.text)) continue;
      const role = /^\*\*([^*]+)\*\*\s*(?:\(([^)]+)\))?\s*[:\u2014\u2013-]?\s*(.*)$/.exec(item.text) ?? /^(\w[\w &+/-]{1,60}?)\s*(?:\(([^)]+)\))?\s*[:—–]\s*(.*)$/.exec(item.text);
      if (!role) continue;
      // "@alice; owns the go/no-go call." or "@ines (runs the release)": the owner comes before the first ;, full stop or
      // parenthesis, the rest says what the role does.
      const owner = role[2] ?? /^([^.;(]+?)\s*[.;(]/.exec(role[3])?.[1]?.trim() ?? (role[3] || 'to be assigned');
      addRoles(playbook, role[1], owner, { file: section.file, line: item.line }, log);
    }
    for (const paragraph of section.text) {
      for (const match of paragraph.text.matchAll(BOLD_ROLE)) addRoles(playbook, match[1], match[2], { file: section.file, line: paragraph.line }, log);
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
  // The role a sentence opens with ("The release lead confirms …", "First the core lane owner …") does what it says.
  const subjectRole = (text: string) => playbook.roles.map((r) => r.id).find((id) => new RegExp(`^(?:first|then|finally|next)?,?\\s*(?:the\\s+)?${id.replace(/-/g, '[\\s-]+')}\\b`, 'i').test(text));
  const add = (target: ImportedPlaybook['goNoGo'], written: string) => {
    const { text, owner } = ownerOf(plainText(written));
    const named = owner ?? subjectRole(text);
    target.push({ id: uniqueId(slug(text), target.map((t) => t.id)), text, ...(named ? { owner: named } : {}) });
  };
  for (const [part, target] of [['checklist', playbook.preReleaseChecklist], ['goNoGo', playbook.goNoGo]] as const) {
    // "Before each release" in a cadence is the interval of its activities (import-cadence.ts), not the checklist.
    for (const section of sections.filter((s) => PART[part].test(plainText(s.heading)) && !(part === 'checklist' && isCadenceSection(s) && !CHECKLIST_NAMED.test(s.heading)))) {
      for (const item of section.items) add(target, item.text);
      // Written as paragraphs: a sentence each, the one that states the go/no-go rule to goNoGo.
      const said = section.text.flatMap((p) => sentences(plainText(p.text)));
      for (const sentence of said) add(part === 'checklist' && GO_NO_GO_SENTENCE.test(sentence) ? playbook.goNoGo : target, sentence);
      log.converted.push({ file: section.file, line: section.line, what: section.heading, why: `${section.items.length + said.length} item(s)` });
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
    // A procedure in paragraphs ("First the release lead announces …. The core lane owner then yanks …"): a step a sentence.
    const said = section.text.flatMap((p) => sentences(plainText(p.text)).map((text) => ({ text, line: p.line })));
    // A numbered "Step" column beside an "Action" one: the action is the step.
    const stepText = (t: MarkdownTable) => [column(t, /^action$/, /^what$/, /^description$/), column(t, /^step$/)].find((c) => c >= 0) ?? -1;
    const steps = [...section.items, ...said, ...tables.flatMap((t) => t.rows.map((r) => ({ text: `${r.cells[stepText(t)] ?? ''} (${r.cells[column(t, /^owners?$/)] ?? ''})`, line: r.line })))];
    for (const item of steps) {
      const { text, owner: suffixed } = ownerOf(plainText(item.text));
      const owner = suffixed ?? subjectRole(text);
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
