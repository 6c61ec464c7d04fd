import { NAMED_TUPLE_ITEM } from './compatibility-statements';
import type { IdPatterns } from '../ids/id-patterns';
import { expandGateList } from './gate-lists';
import type { ImportedGate } from './import-gates';
import type { ImportLog } from './import-log';
import { type ListItem, type MarkdownSection, plainText, slug, uniqueId } from './markdown-document';

/** A heading about rolling back (not the procedure): "Rollback triggers", "When to roll back", "Revert criteria". */
export const ROLLBACK_HEADING = /roll\s*-?\s*back|revert|back\s*out/i;
/** "How we roll back", "How to roll back", "Rollback procedure": what to do, not when. */
const PROCEDURE = /procedure|steps|\bhow\b|process|runbook|playbook$/i;

export type RequiredGates = { gates: string[]; written?: string };

export interface TriggerContext {
  gates: ImportedGate[];
  ids: IdPatterns;
  /** The gates of the default release class: what "a required gate" means when the prose names none. */
  /** The gates a release requires, and how the import came to them when the prose does not list them. */
  requiredGates: () => RequiredGates;
}

/** Whether the section's heading, or the heading it sits under (the document's title aside), is about rolling back. */
export function aboutRollback(section: MarkdownSection): boolean {
  return [section.heading, ...section.parents.slice(1).slice(-1)].some((h) => ROLLBACK_HEADING.test(h));
}

/** A paragraph that says when to roll back ("We roll back when …"). */
const SAYS_ROLL_BACK = /\broll(?:s|ed|ing)?\s*-?\s*back\b|\brevert/i;

/** Whether a section lists rollback triggers: it is about rolling back (or is headed "Triggers"), and it is no procedure. */
export function isTriggerSection(section: MarkdownSection): boolean {
  const about = aboutRollback(section) || /\btriggers?\b/i.test(section.heading);
  // "Current and rollback" in a compatibility document lists tuples ("Rollback: lattice 1.1.4 with …"), read there, not triggers.
  if (section.items.length && section.items.every((item) => NAMED_TUPLE_ITEM.test(plainText(item.text)))) return false;
  return about && !PROCEDURE.test(section.heading) && (section.items.length > 0 || section.tables.length > 0 || section.text.some((p) => SAYS_ROLL_BACK.test(p.text)));
}

/**
 * Every trigger of a rollback section, each kept: functional (the gates it
 * names, else the required gates), compatibility, performance (with its
 * budget; its gate and metric when the matrix gives them), and any other kind
 * as a named trigger that rollback-check reports as inconclusive.
 */
export function importTriggers(section: MarkdownSection, context: TriggerContext, triggers: Array<Record<string, unknown>>, log: ImportLog): void {
  const items: ListItem[] = [...section.items, ...section.tables.flatMap((t) => t.rows.map((r) => ({ text: r.cells.filter(Boolean).join(': '), line: r.line })))];
  // Written in running prose: each paragraph that says when to roll back is one trigger; any other is listed, not dropped.
  if (!items.length) {
    for (const paragraph of section.text) {
      if (SAYS_ROLL_BACK.test(paragraph.text)) items.push(paragraph);
      else log.review.push({ file: section.file, line: paragraph.line, what: `paragraph "${plainText(paragraph.text)}"`, why: 'says nothing of rolling back, so it was not read as a rollback trigger' });
    }
  }
  for (const item of items) triggers.push(readTrigger(item, section.file, context, triggers, log));
}

/**
 * The name a trigger is written with: its bold lead ("**A required gate fails** on …"), a label before a colon or
 * dash ("Performance: …", "Finally, a contract break: …") or a kind the sentence states ("Stability is the fourth.").
 */
function triggerLabel(item: string): string | undefined {
  const bold = /^\*\*([^*]+)\*\*/.exec(item.trim())?.[1];
  if (bold) return plainText(bold).replace(/[\s:.—–-]+$/, '');
  const text = plainText(item).replace(/^(?:finally|also|lastly|then|and)\s*,?\s*(?:an?\s+)?/i, '');
  return /^([A-Za-z][\w -]{0,40}?)\s*[:—–]\s/.exec(text)?.[1] ?? /^(\w+) is the (?:first|second|third|fourth|fifth|sixth|next|last|final)\b/i.exec(text)?.[1];
}

function readTrigger(item: ListItem, file: string, context: TriggerContext, triggers: Array<Record<string, unknown>>, log: ImportLog): Record<string, unknown> {
  const text = plainText(item.text);
  const where = { file, line: item.line };
  const label = triggerLabel(item.text);
  const known = context.gates.map((g) => g.id);
  // "QG-TEST-01/02 fail" names both: the ids as written, and the slash ranges written out.
  const ranges = text.split(/[\s,;()]+/).filter((w) => w.includes('/')).flatMap((w) => expandGateList(w.replace(/[.:]$/, ''), known, new Map(), context.ids).gates);
  const named = [...new Set([...context.ids.findIn('gate', text), ...ranges])].filter((id) => known.includes(id));
  const id = (fallback: string) => uniqueId(slug(label ?? fallback, fallback), triggers.map((t) => String(t.id)));
  const description = text;
  const said = (kind: string, trigger: Record<string, unknown>, why = text) => {
    log.converted.push({ ...where, what: `${kind} rollback trigger ${trigger.id}`, why });
    return trigger;
  };
  const kindWord = (label ?? text).toLowerCase();
  if (/^perf|latency|throughput|slower|regress\w* by|budget/.test(kindWord) || (/%/.test(text) && /perf|latency|p\d\d|throughput/i.test(text))) {
    const budget = /(\d+(?:\.\d+)?)\s*%/.exec(text)?.[1];
    if (budget) {
      const gate = context.gates.find((g) => named.includes(g.id) && g.passCriteria?.metrics?.length) ?? context.gates.find((g) => named.includes(g.id));
      const metric = gate?.passCriteria?.metrics?.[0]?.name;
      if (!metric) log.review.push({ ...where, what: 'performance rollback trigger', why: `budget ${budget}% kept; ${gate ? `gate ${gate.id} records no metric` : 'no gate named'}, so rollback-check says inconclusive until one is added` });
      return said('performance', { id: id('performance'), kind: 'performance', ...(gate ? { gate: gate.id } : {}), ...(metric ? { metric } : {}), budgetPercent: Number(budget), description });
    }
  }
  if (/^(compat|consumer)/.test(kindWord) || /\bconsumer\b.*\b(regress|break|fail)/i.test(text) || /\btuples?\b[^.]*\b(break|fail|stop)/i.test(text)) return said('compatibility', { id: id('compatibility'), kind: 'compatibility', description });
  if (/^function/.test(kindWord) || /\b(gate|test)s?\b[^.]*\b(fails?|failed|failing|red)\b/i.test(text)) {
    const required = named.length ? { gates: named } : context.requiredGates();
    const { gates } = required;
    if (gates.length) return said('functional', { id: id('functional'), kind: 'functional', gates, description }, `${text} (gates ${gates.join(', ')}${required.written ? `: ${required.written}` : ''})`);
  }
  log.review.push({ ...where, what: `rollback trigger "${text}"`, why: 'kept as a named trigger that rollback-check reports as inconclusive: no evidence can judge it yet' });
  return said('other', { id: id('trigger'), kind: 'other', description });
}
