export interface MarkdownTable {
  file: string;
  /** 1-based line of the header row. */
  line: number;
  /** Header cells, lower-cased and trimmed, for matching. */
  headers: string[];
  rows: Array<{ line: number; cells: string[] }>;
}

const ROW = /^\s*\|(.*)\|\s*$/;
const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Splits a table row on pipes that are not escaped and not inside backticks. */
export function splitRow(row: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inCode = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\' && row[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (c === '`') {
      inCode = !inCode;
      cell += c;
    } else if (c === '|' && !inCode) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Every GitHub-style pipe table of a markdown document. */
export function readMarkdownTables(file: string, text: string): MarkdownTable[] {
  const lines = text.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = ROW.exec(lines[i]);
    if (!header || !SEPARATOR.test(lines[i + 1])) continue;
    const table: MarkdownTable = { file, line: i + 1, headers: splitRow(header[1]).map((h) => h.toLowerCase()), rows: [] };
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = ROW.exec(lines[j]);
      if (!row) break;
      table.rows.push({ line: j + 1, cells: splitRow(row[1]) });
    }
    tables.push(table);
    i = j - 1;
  }
  return tables;
}

/** The index of the first header that matches any of the patterns, or -1. */
export function column(table: MarkdownTable, ...patterns: RegExp[]): number {
  return table.headers.findIndex((h) => patterns.some((p) => p.test(h)));
}
