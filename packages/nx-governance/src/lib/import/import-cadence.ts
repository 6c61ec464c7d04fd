import { posix } from 'node:path';
import type { IdPatterns } from '../ids/id-patterns';
import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import { type Interval, openingInterval, readInterval } from './cadence-interval';
import { type CadenceOwnership, ownershipStatements, recordOwnership } from './cadence-ownership';
import { onlyGates, recordingGate, rolesInProse, withoutOwnersAndGates } from './cadence-prose';
import type { ImportLog } from './import-log';
import { column, type ListItem, type MarkdownDocument, type MarkdownSection, type MarkdownTable, plainText, slug, uniqueId } from './markdown-document';
import { ownerRoles } from './owner-roles';

export interface ImportedCadence {
  activities: Array<Record<string, unknown> & { id: string; owner: string }>;
  ownership: CadenceOwnership;
  /** Roles named as owners beside the first (compound owners), for the playbook's roles. */
  coOwners: string[];
}

const CADENCE_TITLE = /cadence|maintenance|recurring|routine/i;
const OWNERSHIP_HEADING = /^(ownership|owners)$/i;
const OWNER = /\((?:owners?:\s*)?([^()]+)\)|[—–-]+\s*owners?:\s*([^.,]+)/gi;
/** A list item that is only a file name or link: a file list, not an activity. */
const FILE_ONLY = /^[\w./-]+\.[a-z]{1,5}$/i;
/** "**Weekly (Mondays)** — compat steward: run the smoke": the interval labels the item, the owners come before the colon. */
const LABELLED = /^\*\*(.+?)\*\*\s*[—–:-]*\s*(.+)$/;

/**
 * The sections that define a cadence: every section of a document whose title
 * or file name says it is one (CADENCE.md, "Maintenance cadence"), else the
 * sections headed so ("## Routine maintenance") and those under them. Activities
 * come from these only: an interval named in a playbook is no activity.
 */
export function cadenceSections(document: MarkdownDocument): MarkdownSection[] {
  if (CADENCE_TITLE.test(plainText(document.title))) return document.sections;
  return document.sections.filter(isCadenceSection);
}

/** A section of a cadence: in a file named so, or headed so or under such a heading ("Before each release" there is an interval). */
export function isCadenceSection(section: MarkdownSection): boolean {
  return CADENCE_TITLE.test(posix.basename(section.file)) || [section.heading, ...section.parents].some((h) => CADENCE_TITLE.test(plainText(h)));
}

interface Found {
  line: number;
  title: string;
  when: Interval;
  /** The interval as the prose writes it, when it says more than the interval (Weekly (Mondays)). */
  written?: string;
  owner: string | undefined;
  output: string;
  /** Text that may name the gate that records the activity. */
  gateTexts: string[];
}

/** Cadence activities and ownership from a document's cadence sections: tables, list items and paragraphs. */
export function importCadence(document: MarkdownDocument, knownGates: string[], log: ImportLog, ids: IdPatterns): { cadence: ImportedCadence; used: Set<MarkdownTable> } {
  const cadence: ImportedCadence = { activities: [], ownership: {}, coOwners: [] };
  const used = new Set<MarkdownTable>();
  const taken = new Set<string>();
  const add = (file: string, found: Found) => {
    const title = withoutOwnersAndGates(found.title, ids).replace(/^./, (c) => c.toUpperCase());
    const owners = found.owner ? ownerRoles(found.owner) : [];
    if (!owners.length) log.review.push({ file, line: found.line, what: `activity "${title}"`, why: `no owner named; ${RELEASE_MANAGER_ROLE} assumed` });
    cadence.coOwners.push(...owners.slice(1));
    const id = uniqueId(slug(title, 'activity'), taken);
    taken.add(id);
    const gate = recordingGate(found.gateTexts, knownGates, ids, { file, line: found.line, what: `activity "${title}"` }, log);
    const ownerId = owners[0] ?? RELEASE_MANAGER_ROLE;
    const { when } = found;
    cadence.activities.push({ id, title, interval: when.interval, ...(when.changeKind ? { changeKind: when.changeKind } : {}), owner: ownerId, output: found.output || title, ...(gate ? { gate } : {}) });
    const interval = typeof when.interval === 'object' ? `every ${when.interval.days} days` : `${when.interval}${when.changeKind ? ` (${when.changeKind})` : ''}`;
    const owned = owners.length > 1 ? `owners ${owners.join(', ')} (the first is the activity's owner)` : `owner ${ownerId}`;
    log.converted.push({ file, line: found.line, what: `cadence activity ${id}`, why: `${interval}${found.written ? ` (written "${found.written}")` : ''}, ${owned}${gate ? `, recorded by ${gate}` : ''}` });
  };
  const sections = new Set(cadenceSections(document));
  for (const section of document.sections) {
    if (OWNERSHIP_HEADING.test(plainText(section.heading))) {
      // Outside a cadence, an owners section may list roles too: those are the playbook's (import-playbook.ts).
      readOwnershipSection(section, cadence, used, log, sections.has(section));
      continue;
    }
    if (!sections.has(section)) continue;
    const heading = readInterval(section.heading);
    for (const table of section.tables) {
      const rows = activityRows(table, heading, log);
      if (!rows) continue;
      used.add(table);
      rows.forEach((row) => add(section.file, row));
    }
    for (const item of section.items) {
      const found = activityItem(item, heading, ids);
      if (found) add(section.file, found);
      else log.notUnderstood.push({ file: section.file, line: item.line, what: plainText(item.text), why: FILE_ONLY.test(plainText(item.text)) ? 'a file name, not an activity' : 'no interval heads it or labels it' });
    }
    for (const paragraph of section.text) {
      const statements = ownershipStatements(paragraph.text);
      const when = statements ? undefined : (openingInterval(paragraph.text) ?? heading);
      if (statements) recordOwnership(statements, { file: section.file, line: paragraph.line }, cadence.ownership, log);
      else if (when) add(section.file, activityParagraph(paragraph, when));
      else log.notUnderstood.push({ file: section.file, line: paragraph.line, what: plainText(paragraph.text), why: 'no interval opens it and it names no owner of the decision log or the compatibility matrix' });
    }
  }
  return { cadence, used };
}

/** A table of activities: an activity column with an owner or an interval column (or an interval heading). */
function activityRows(table: MarkdownTable, heading: Interval | undefined, log: ImportLog): Found[] | undefined {
  const [title, owner, output, gate, often] = [column(table, /^activity$/, /^what$/, /^task$/), column(table, /^owners?$/, /^who$/), column(table, /output|evidence|produces/), column(table, /^gates?$|recorded/), column(table, /how often|interval|cadence|frequency|when/)];
  if (title < 0 || (owner < 0 && often < 0)) return undefined;
  const found: Found[] = [];
  for (const row of table.rows) {
    const when = (often >= 0 ? readInterval(row.cells[often] ?? '') : undefined) ?? heading;
    const name = plainText(row.cells[title] ?? '');
    if (!when) {
      log.review.push({ file: table.file, line: row.line, what: `activity "${name}"`, why: `no interval this import knows in ${JSON.stringify(plainText(row.cells[often] ?? ''))}` });
      continue;
    }
    // Without a gate column, the gate is the one the row names anywhere: "Tuple run (QG-COMPAT-01)", "VG-SPEC-001 evidence".
    const gateTexts = gate >= 0 ? [row.cells[gate] ?? ''] : row.cells;
    found.push({ line: row.line, title: name, when, owner: plainText(row.cells[owner] ?? '') || undefined, output: plainText(row.cells[output] ?? ''), gateTexts });
  }
  return found;
}

/** An item under an interval heading ("Contract check (API owner): notes"), or one its own bold label gives the interval ("**Monthly** — owner: what"). */
function activityItem(item: ListItem, heading: Interval | undefined, ids: IdPatterns): Found | undefined {
  const text = plainText(item.text);
  if (FILE_ONLY.test(text)) return undefined;
  const labelled = LABELLED.exec(item.text.trim());
  const label = labelled ? readInterval(labelled[1]) : undefined;
  if (labelled && label) {
    const rest = plainText(labelled[2]);
    const colon = rest.indexOf(': ');
    const [owner, duty] = colon > 0 ? [rest.slice(0, colon), rest.slice(colon + 2)] : [undefined, rest];
    const title = duty.replace(/\.$/, '');
    const written = plainText(labelled[1]);
    return { line: item.line, title, when: label, ...(/\(/.test(written) ? { written } : {}), owner, output: title, gateTexts: [rest] };
  }
  if (!heading) return undefined;
  // "(VG-COMPAT-001)" names the gate, not an owner.
  const owner = [...text.matchAll(OWNER)].find((m) => !onlyGates(m[1] ?? m[2] ?? '', ids));
  const title = text.slice(0, owner?.index ?? text.length).replace(/[.:,]\s*$/, '').trim();
  const output = /:\s*(.+)$/.exec(text.slice((owner?.index ?? 0) + (owner?.[0].length ?? 0)))?.[1]?.replace(/\.$/, '') ?? '';
  return { line: item.line, title, when: heading, owner: (owner?.[1] ?? owner?.[2])?.trim(), output, gateTexts: [text] };
}

/** A paragraph that opens with its interval: its first sentence is the title, the roles it names the owners, the whole the output. */
function activityParagraph(paragraph: ListItem, when: Interval): Found {
  const text = plainText(paragraph.text);
  const title = text.split(/;\s|\.\s|\.$/)[0];
  return { line: paragraph.line, title, when, owner: rolesInProse(text), output: text.replace(/\.$/, ''), gateTexts: [text] };
}

/** "## Ownership": items, a table of artifact and owner, or sentences; outside a cadence, only the statements of who owns what. */
function readOwnershipSection(section: MarkdownSection, cadence: ImportedCadence, used: Set<MarkdownTable>, log: ImportLog, inCadence: boolean): void {
  for (const { text, line } of [...section.items, ...section.text]) {
    const statements = ownershipStatements(text);
    if (statements) recordOwnership(statements, { file: section.file, line }, cadence.ownership, log);
    else if (inCadence) log.notUnderstood.push({ file: section.file, line, what: plainText(text), why: 'not an owner of the decision log or the compatibility matrix' });
  }
  if (!inCadence) return;
  for (const table of section.tables) {
    const [what, who] = [column(table, /^artifact$/, /^what$/, /^document$/), column(table, /^owners?$/, /^who$/)];
    if (what < 0 || who < 0) continue;
    used.add(table);
    for (const row of table.rows) recordOwnership([{ what: plainText(row.cells[what] ?? ''), who: plainText(row.cells[who] ?? '') }], { file: table.file, line: row.line }, cadence.ownership, log);
  }
}
