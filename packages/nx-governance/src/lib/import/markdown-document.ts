import type { ParseMarkdown, Token } from '../markdown/parse-markdown';

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

/** A block token's first source line, 1-based (markdown-it's `map` is 0-based). */
const lineOf = (token: Token | undefined) => (token?.map ? token.map[0] + 1 : 1);

/** The document as the parser reads it, cut at its headings; every item keeps its source line. */
export function readMarkdownDocument(parse: ParseMarkdown, file: string, text: string): MarkdownDocument {
  const tokens = parse(text);
  const lines = text.split('\n').length;
  const sections: MarkdownSection[] = [];
  const stack: Array<{ depth: number; heading: string }> = [];
  let current = newSection(file, '', 0, 1, []);
  sections.push(current);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'heading_open') {
      const depth = Number(token.tag.slice(1));
      current.endLine = lineOf(token) - 1;
      while (stack.length && stack[stack.length - 1].depth >= depth) stack.pop();
      const heading = inlineText(tokens[i + 1]);
      current = newSection(file, heading, depth, lineOf(token), stack.map((s) => s.heading));
      stack.push({ depth, heading });
      sections.push(current);
      i += 2;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      i = readList(tokens, i, current);
    } else if (token.type === 'table_open') {
      i = readTable(tokens, i, current);
    } else if (token.type === 'fence' || token.type === 'code_block') {
      current.code.push({ text: token.content.replace(/\n$/, ''), line: lineOf(token) });
    } else if (token.type === 'paragraph_open') {
      current.text.push({ text: inlineText(tokens[i + 1]).replace(/\s*\n\s*/g, ' ').trim(), line: lineOf(token) });
      i += 2;
    } else if (token.type === 'html_block') {
      current.text.push({ text: token.content.trim(), line: lineOf(token) });
    }
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

/** A list from its open token: each item with the inline text of everything in it (nested items joined); the index of its close. */
function readList(tokens: Token[], open: number, section: MarkdownSection): number {
  const level = tokens[open].level;
  let item: { parts: string[]; line: number } | undefined;
  const flush = () => item && section.items.push({ text: item.parts.join(' ').replace(/\s*\n\s*/g, ' ').replace(/^\[[ xX]\]\s+/, '').trim(), line: item.line });
  let i = open + 1;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level === level && token.type.endsWith('_list_close')) break;
    if (token.type === 'list_item_open' && token.level === level + 1) {
      flush();
      item = { parts: [], line: lineOf(token) };
    } else if (token.type === 'inline' && item) item.parts.push(inlineText(token));
    else if ((token.type === 'fence' || token.type === 'code_block') && item) item.parts.push(token.content.trim());
  }
  flush();
  return i;
}

/** A table from its open token: headers and rows as inline text, each row with its line; the index of its close. */
function readTable(tokens: Token[], open: number, section: MarkdownSection): number {
  const table: MarkdownTable = { file: section.file, line: lineOf(tokens[open]), headers: [], rows: [] };
  let row: { line: number; cells: string[] } | undefined;
  let header = false;
  let i = open + 1;
  for (; i < tokens.length && tokens[i].type !== 'table_close'; i++) {
    const token = tokens[i];
    if (token.type === 'thead_open') header = true;
    else if (token.type === 'tbody_open') header = false;
    else if (token.type === 'tr_open') row = { line: lineOf(token), cells: [] };
    else if (token.type === 'inline' && row) row.cells.push(inlineText(token).trim());
    else if (token.type === 'tr_close' && row) {
      if (header) table.headers = row.cells.map((h) => plainText(h).toLowerCase());
      else table.rows.push(row);
      row = undefined;
    }
  }
  section.tables.push(table);
  return i;
}

/** Inline content as text: code spans keep their backticks, strong text its `**`; emphasis, links and images give their words; a hard break is `<br>`. */
export function inlineText(token: Token | undefined): string {
  let text = '';
  for (const child of token?.children ?? []) {
    switch (child.type) {
      case 'text':
      case 'html_inline':
        text += child.content;
        break;
      case 'code_inline':
        text += `\`${child.content}\``;
        break;
      case 'softbreak':
        text += '\n';
        break;
      case 'hardbreak':
        text += '<br>';
        break;
      // Kept: a bold lead word labels an item (**Release Manager** (Maren), **Functional**: …).
      case 'strong_open':
      case 'strong_close':
        text += '**';
        break;
      case 'image':
        text += child.content;
        break;
      default:
        break;
    }
  }
  return text;
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
