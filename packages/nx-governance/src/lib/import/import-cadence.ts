import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import type { ImportLog } from './import-log';
import { column, type MarkdownSection, type MarkdownTable, plainText, slug, uniqueId } from './markdown-document';
import { ownerRoles } from './owner-roles';

export interface ImportedCadence {
  activities: Array<Record<string, unknown> & { id: string; owner: string }>;
  ownership: { decisionLog?: string; compatibilityMatrix?: string };
  /** Roles named as owners beside the first (compound owners), for the playbook's roles. */
  coOwners: string[];
}

export type Interval = { interval: string | { days: number }; changeKind?: string };

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30 };

/**
 * The interval a heading or a cell names: weekly, monthly, quarterly, daily,
 * every N days or weeks, before each release or per release, and per change
 * of a kind ("per consumer-visible change", "every active session").
 */
export function readInterval(text: string): Interval | undefined {
  const plain = plainText(text).toLowerCase();
  const every = /\bevery\s+(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(days?|weeks?)\b/.exec(plain);
  if (every) return { interval: { days: (NUMBER_WORDS[every[1]] ?? Number(every[1])) * (every[2].startsWith('week') ? 7 : 1) } };
  if (/\b(daily|every day|each day)\b/.test(plain)) return { interval: { days: 1 } };
  if (/\b(bi-?weekly|fortnightly|every other week)\b/.test(plain)) return { interval: { days: 14 } };
  if (/\b(weekly|every week|each week)\b/.test(plain)) return { interval: 'weekly' };
  if (/\b(monthly|every month|each month)\b/.test(plain)) return { interval: 'monthly' };
  if (/\b(quarterly|every quarter|each quarter)\b/.test(plain)) return { interval: 'quarterly' };
  if (/\b(before|per|each|every|for every|for each|at each)\s+(a\s+)?(release|tag|publish)/.test(plain)) return { interval: 'before-release' };
  const change = /\b(?:per|each|every|on every|on each|for every|for each)\s+([\w -]*?\b(?:change|session|pr|pull request|merge|commit|push|run))\b/.exec(plain);
  if (change) return { interval: 'per-change', ...(change[1] === 'change' ? {} : { changeKind: change[1] }) };
  return undefined;
}

const OWNER = /\((?:owners?:\s*)?([^()]+)\)|[—–-]+\s*owners?:\s*([^.,]+)/i;
/** A list item that is only a file name or link: a file list, not an activity. */
const FILE_ONLY = /^[\w./-]+\.[a-z]{1,5}$/i;

/** Cadence activities from a cadence document: list items and tables under interval headings, or tables with an interval column. */
export function importCadence(sections: MarkdownSection[], knownGates: string[], log: ImportLog, ids: IdPatterns): { cadence: ImportedCadence; used: Set<MarkdownTable> } {
  const cadence: ImportedCadence = { activities: [], ownership: {}, coOwners: [] };
  const used = new Set<MarkdownTable>();
  const taken = new Set<string>();
  const add = (file: string, line: number, title: string, when: Interval, owner: string | undefined, output: string, gate: string | undefined) => {
    const owners = owner ? ownerRoles(owner) : [];
    if (!owners.length) log.review.push({ file, line, what: `activity "${title}"`, why: `no owner named; ${RELEASE_MANAGER_ROLE} assumed` });
    cadence.coOwners.push(...owners.slice(1));
    const id = uniqueId(slug(title, 'activity'), taken);
    taken.add(id);
    const ownerId = owners[0] ?? RELEASE_MANAGER_ROLE;
    cadence.activities.push({ id, title, interval: when.interval, ...(when.changeKind ? { changeKind: when.changeKind } : {}), owner: ownerId, output: output || title, ...(gate ? { gate } : {}) });
    const interval = typeof when.interval === 'object' ? `every ${when.interval.days} days` : `${when.interval}${when.changeKind ? ` (${when.changeKind})` : ''}`;
    log.converted.push({ file, line, what: `cadence activity ${id}`, why: `${interval}, ${owners.length > 1 ? `owners ${owners.join(', ')} (the first is the activity's owner)` : `owner ${ownerId}`}` });
  };
  for (const section of sections) {
    if (/^(ownership|owners)$/i.test(plainText(section.heading))) {
      for (const item of section.items) {
        const [what, who] = plainText(item.text).replace(/\.$/, '').split(/:\s*/);
        if (/decision log/i.test(what ?? '') && who) cadence.ownership.decisionLog = slug(who);
        else if (/matrix/i.test(what ?? '') && who) cadence.ownership.compatibilityMatrix = slug(who);
        else log.notUnderstood.push({ file: section.file, line: item.line, what: plainText(item.text), why: 'not an owner of the decision log or the compatibility matrix' });
      }
      if (section.items.length) log.converted.push({ file: section.file, line: section.line, what: 'cadence ownership', why: `${section.items.length} item(s)` });
      continue;
    }
    const heading = readInterval(section.heading);
    for (const table of section.tables) {
      const [title, owner, output, gate, often] = [column(table, /^activity$/, /^what$/, /^task$/), column(table, /^owners?$/, /^who$/), column(table, /output|evidence|produces/), column(table, /^gates?$|recorded/), column(table, /how often|interval|cadence|frequency|when/)];
      if (title < 0 || (owner < 0 && often < 0)) continue;
      used.add(table);
      for (const row of table.rows) {
        const when = (often >= 0 ? readInterval(row.cells[often] ?? '') : undefined) ?? heading;
        const name = plainText(row.cells[title] ?? '');
        if (!when) {
          log.review.push({ file: section.file, line: row.line, what: `activity "${name}"`, why: `no interval this import knows in ${JSON.stringify(plainText(row.cells[often] ?? section.heading))}` });
          continue;
        }
        const gateId = ids.findIn('gate', row.cells[gate] ?? '').find((id) => knownGates.includes(id));
        add(section.file, row.line, name, when, plainText(row.cells[owner] ?? '') || undefined, plainText(row.cells[output] ?? ''), gateId);
      }
    }
    if (!heading) continue;
    for (const item of section.items) {
      const text = plainText(item.text);
      if (FILE_ONLY.test(text)) {
        log.notUnderstood.push({ file: section.file, line: item.line, what: text, why: 'a file name, not an activity' });
        continue;
      }
      const owner = OWNER.exec(text);
      const title = text.slice(0, owner?.index ?? text.length).replace(/[.:,]\s*$/, '').trim();
      const gate = ids.findIn('gate', text).find((id) => knownGates.includes(id));
      const output = /:\s*(.+)$/.exec(text.slice((owner?.index ?? 0) + (owner?.[0].length ?? 0)))?.[1]?.replace(/\.$/, '') ?? '';
      add(section.file, item.line, title, heading, (owner?.[1] ?? owner?.[2])?.trim(), output, gate);
    }
  }
  return { cadence, used };
}
