import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import type { ImportLog } from './import-log';
import { column } from './markdown-tables';
import { type MarkdownSection, plainText, slug, uniqueId } from './markdown-sections';

export interface ImportedCadence {
  activities: Array<Record<string, unknown> & { id: string; owner: string }>;
  ownership: { decisionLog?: string; compatibilityMatrix?: string };
}

/** The interval a heading (or a cell) names: "Weekly", "Every change", "Every 14 days", "Before each release". */
export function readInterval(text: string): string | { days: number } | undefined {
  const days = /every\s+(\d+)\s+days?/i.exec(text);
  if (days) return { days: Number(days[1]) };
  if (/every change|per[- ]change|each change/i.test(text)) return 'per-change';
  if (/before (each |every |a )?release/i.test(text)) return 'before-release';
  return ['weekly', 'monthly', 'quarterly'].find((name) => new RegExp(`\\b${name}\\b`, 'i').test(text));
}

const OWNER = /\((?:owner:\s*)?([^()]+)\)|[—–-]+\s*owner:\s*([^.,]+)/i;

/** Cadence activities from a runbook: list items and tables under interval headings, each with its owner (and gate, when it names one). */
export function importCadence(sections: MarkdownSection[], knownGates: string[], log: ImportLog, ids: IdPatterns): ImportedCadence {
  const cadence: ImportedCadence = { activities: [], ownership: {} };
  const add = (file: string, line: number, title: string, interval: string | { days: number }, owner: string | undefined, output: string, gate: string | undefined) => {
    if (!owner) {
      log.review.push({ file, line, what: `activity "${title}"`, why: `no owner named; ${RELEASE_MANAGER_ROLE} assumed` });
    }
    const id = uniqueId(slug(title, 'activity'), cadence.activities.map((a) => a.id));
    cadence.activities.push({ id, title, interval, owner: owner ? slug(owner) : RELEASE_MANAGER_ROLE, output: output || title, ...(gate ? { gate } : {}) });
    log.converted.push({ file, line, what: `cadence activity ${id}`, why: `${typeof interval === 'object' ? `every ${interval.days} days` : interval}, owner ${owner ? slug(owner) : RELEASE_MANAGER_ROLE}` });
  };
  for (const section of sections) {
    if (/^ownership$/i.test(plainText(section.heading))) {
      for (const item of section.items) {
        const [what, who] = plainText(item.text).replace(/\.$/, '').split(/:\s*/);
        if (/decision log/i.test(what ?? '') && who) cadence.ownership.decisionLog = slug(who);
        else if (/matrix/i.test(what ?? '') && who) cadence.ownership.compatibilityMatrix = slug(who);
        else log.notUnderstood.push({ file: section.file, line: item.line, what: plainText(item.text), why: 'not an owner of the decision log or the compatibility matrix' });
      }
      continue;
    }
    const interval = readInterval(section.heading);
    for (const table of section.tables) {
      const [title, owner, output, gate, often] = [column(table, /^activity$/, /^what$/), column(table, /^owner$/), column(table, /output/), column(table, /^gate$|recorded/), column(table, /how often|interval|cadence/)];
      if (title < 0 || owner < 0) continue;
      for (const row of table.rows) {
        const rowInterval = (often >= 0 ? readInterval(row.cells[often] ?? '') : undefined) ?? interval;
        const gateId = plainText(row.cells[gate] ?? '');
        if (!rowInterval) {
          log.review.push({ file: section.file, line: row.line, what: `activity "${plainText(row.cells[title] ?? '')}"`, why: 'no interval in the row or its heading' });
          continue;
        }
        add(section.file, row.line, plainText(row.cells[title] ?? ''), rowInterval, plainText(row.cells[owner] ?? '') || undefined, plainText(row.cells[output] ?? ''), knownGates.includes(gateId) ? gateId : undefined);
      }
    }
    if (!interval) continue;
    for (const item of section.items) {
      const text = plainText(item.text);
      const owner = OWNER.exec(text);
      const title = text.slice(0, owner?.index ?? text.length).replace(/[.:,]\s*$/, '').trim();
      const gate = ids.findIn('gate', text).find((id) => knownGates.includes(id));
      const output = /:\s*(.+)$/.exec(text.slice((owner?.index ?? 0) + (owner?.[0].length ?? 0)))?.[1]?.replace(/\.$/, '') ?? '';
      add(section.file, item.line, title, interval, (owner?.[1] ?? owner?.[2])?.trim(), output, gate);
    }
  }
  return cadence;
}
