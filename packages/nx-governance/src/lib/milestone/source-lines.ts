export interface SourceLine {
  /** 1-based line number. */
  number: number;
  /** The line without its end-of-line characters. */
  text: string;
  /** The line exactly as in the source, end-of-line included. */
  raw: string;
}

export function splitSourceLines(source: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  let number = 1;
  while (start < source.length) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline + 1;
    const raw = source.slice(start, end);
    // A byte-order mark is no text of the first line (it would hide the title heading); raw keeps it, so rendering stays byte for byte.
    const text = raw.replace(/\r?\n$/, '');
    lines.push({ number, text: number === 1 ? text.replace(/^\uFEFF/, '') : text, raw });
    start = end;
    number++;
  }
  return lines;
}

/** Marks lines inside fenced code blocks, where `#` is not a heading. */
export function fencedLineNumbers(lines: SourceLine[]): Set<number> {
  const fenced = new Set<number>();
  let fence: string | undefined;
  for (const line of lines) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line.text)?.[1];
    if (fence) {
      fenced.add(line.number);
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
    } else if (marker) {
      fence = marker;
      fenced.add(line.number);
    }
  }
  return fenced;
}
