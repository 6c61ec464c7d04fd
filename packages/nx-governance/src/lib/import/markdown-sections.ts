import { type MarkdownTable, readMarkdownTables } from './markdown-tables';

export interface ListItem {
  text: string;
  line: number;
}

export interface MarkdownSection {
  file: string;
  heading: string;
  line: number;
  /** Bullet, numbered and checkbox items directly under the heading (nested ones joined to their parent). */
  items: ListItem[];
  tables: MarkdownTable[];
  /** Paragraph lines that are neither list items nor tables. */
  text: ListItem[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/;

/** The document cut at its headings, each section with its list items, tables and prose lines. */
export function readMarkdownSections(file: string, text: string): MarkdownSection[] {
  const lines = text.split(/\r?\n/);
  const sections: MarkdownSection[] = [];
  let current: MarkdownSection = { file, heading: '', line: 1, items: [], tables: [], text: [] };
  let start = 0;
  const close = (end: number) => {
    current.tables = readMarkdownTables(file, lines.slice(start, end).join('\n')).map((t) => ({
      ...t,
      line: t.line + start,
      rows: t.rows.map((r) => ({ ...r, line: r.line + start })),
    }));
    sections.push(current);
  };
  let fenced = false;
  for (const [index, line] of lines.entries()) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : HEADING.exec(line);
    if (heading) {
      close(index);
      current = { file, heading: heading[2], line: index + 1, items: [], tables: [], text: [] };
      start = index;
      continue;
    }
    const item = ITEM.exec(line);
    if (item && !fenced && item[1].length >= 2 && current.items.length) current.items[current.items.length - 1].text += ` ${item[2].trim()}`;
    else if (item && !fenced) current.items.push({ text: item[2].trim(), line: index + 1 });
    else if (line.trim() && !line.trim().startsWith('|') && !fenced) current.text.push({ text: line.trim(), line: index + 1 });
  }
  close(lines.length);
  return sections;
}

/** Markdown emphasis and code marks removed, for reading prose as data. */
export function plainText(text: string): string {
  return text.replace(/`/g, '').replace(/\*\*|__/g, '').replace(/\s+/g, ' ').trim();
}

/** A lower-case id from words, e.g. "Release Manager" -> release-manager. */
export function slug(text: string, fallback = 'item'): string {
  const id = plainText(text).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '');
  return id.split('-').slice(0, 6).join('-') || fallback;
}

/** `id`, or `id-2`, `id-3`… when it is taken. */
export function uniqueId(id: string, taken: readonly string[]): string {
  let candidate = id;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}
