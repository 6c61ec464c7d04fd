import type { Nodes, Root, RootContent, Table } from 'mdast';
import type { ParseMarkdown } from '../markdown/parse-markdown';

export interface ListItem {
  text: string;
  line: number;
}

export interface MarkdownTable {
  file: string;
  /** 1-based line of the header row. */
  line: number;
  /** Header cells as plain, lower-cased text, for matching. */
  headers: string[];
  /** Cells as inline text: code spans keep their backticks, emphasis and links are reduced to their words. */
  rows: Array<{ line: number; cells: string[] }>;
}

export interface MarkdownSection {
  file: string;
  /** The heading as inline text ('' for what comes before the first heading). */
  heading: string;
  depth: number;
  line: number;
  /** The last line of the section (before the next heading). */
  endLine: number;
  /** The headings this one sits under, outermost first. */
  parents: string[];
  /** List items directly under the heading, nested items joined to their parent, checkboxes removed. */
  items: ListItem[];
  tables: MarkdownTable[];
  /** Paragraphs (and quoted or HTML blocks), each as one line of inline text. */
  text: ListItem[];
  /** Fenced or indented code blocks. */
  code: ListItem[];
}

export interface MarkdownDocument {
  file: string;
  /** The first level-1 heading, else the first heading, as inline text. */
  title: string;
  titleLine: number;
  sections: MarkdownSection[];
  lines: number;
}

const lineOf = (node: { position?: { start: { line: number } } }) => node.position?.start.line ?? 1;

/** The document as the syntax tree has it, cut at its headings; every item keeps its source line. */
export function readMarkdownDocument(parse: ParseMarkdown, file: string, text: string): MarkdownDocument {
  const root: Root = parse(text);
  const lines = root.position?.end.line ?? 1;
  const sections: MarkdownSection[] = [];
  const stack: Array<{ depth: number; heading: string }> = [];
  let current = newSection(file, '', 0, 1, []);
  sections.push(current);
  for (const node of root.children) {
    if (node.type === 'heading') {
      current.endLine = lineOf(node) - 1;
      while (stack.length && stack[stack.length - 1].depth >= node.depth) stack.pop();
      const heading = inlineText(node);
      current = newSection(file, heading, node.depth, lineOf(node), stack.map((s) => s.heading));
      stack.push({ depth: node.depth, heading });
      sections.push(current);
    } else addBlock(current, node);
  }
  current.endLine = lines;
  const headed = sections.filter((s) => s.depth > 0);
  const title = headed.find((s) => s.depth === 1) ?? headed[0];
  const kept = sections.filter((s) => s.depth > 0 || s.items.length || s.tables.length || s.text.length || s.code.length);
  return { file, title: title?.heading ?? '', titleLine: title?.line ?? 1, sections: kept, lines };
}

function newSection(file: string, heading: string, depth: number, line: number, parents: string[]): MarkdownSection {
  return { file, heading, depth, line, endLine: line, parents, items: [], tables: [], text: [], code: [] };
}

function addBlock(section: MarkdownSection, node: RootContent): void {
  switch (node.type) {
    case 'list':
      for (const item of node.children) section.items.push({ text: listItemText(item), line: lineOf(item) });
      return;
    case 'table':
      section.tables.push(readTable(section.file, node));
      return;
    case 'code':
      section.code.push({ text: node.value, line: lineOf(node) });
      return;
    case 'blockquote':
      for (const child of node.children) addBlock(section, child);
      return;
    case 'paragraph':
    case 'html':
      section.text.push({ text: inlineText(node).replace(/\s*\n\s*/g, ' ').trim(), line: lineOf(node) });
      return;
    default:
      return;
  }
}

function listItemText(item: Nodes): string {
  const parts: string[] = [];
  for (const child of 'children' in item ? item.children : []) {
    if (child.type === 'list') for (const nested of child.children) parts.push(listItemText(nested));
    else parts.push(inlineText(child));
  }
  return parts.join(' ').replace(/\s*\n\s*/g, ' ').replace(/^\[[ xX]\]\s+/, '').trim();
}

function readTable(file: string, table: Table): MarkdownTable {
  const [header, ...body] = table.children;
  const cells = (row: Table['children'][number]) => row.children.map((cell) => inlineText(cell).trim());
  return {
    file,
    line: lineOf(table),
    headers: cells(header).map((h) => plainText(h).toLowerCase()),
    rows: body.map((row) => ({ line: lineOf(row), cells: cells(row) })),
  };
}

/** Inline content as text: code spans keep their backticks, strong text its `**`; emphasis, links and images give their words; a hard break is `<br>`. */
export function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'html':
      return node.value;
    case 'inlineCode':
      return `\`${node.value}\``;
    case 'break':
      return '<br>';
    case 'image':
      return node.alt ?? '';
    case 'strong':
      // Kept: a bold lead word labels an item (**Release Manager** (Maren), **Functional**: …).
      return `**${node.children.map(inlineText).join('')}**`;
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inlineText).join('') : '';
  }
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
export function uniqueId(id: string, taken: readonly string[] | ReadonlySet<string>): string {
  const has = (candidate: string) => ('has' in taken ? taken.has(candidate) : taken.includes(candidate));
  let candidate = id;
  for (let n = 2; has(candidate); n++) candidate = `${id}-${n}`;
  return candidate;
}

/** The index of the first header that matches any of the patterns, or -1. */
export function column(table: MarkdownTable, ...patterns: RegExp[]): number {
  return table.headers.findIndex((h) => patterns.some((p) => p.test(h)));
}
