/**
 * Text from data, git or a command's output, made safe to place inside one
 * markdown line or table cell: it cannot start a new line (so no fake
 * `- Result: pass` line or `- [x]` item), close a table cell, open a code span
 * or fence, link, or carry HTML. Emphasis characters are left alone: on one
 * line they can only change how text looks. Line breaks show as ` ⏎ `.
 */
export function escapeMarkdown(text: string | number | boolean | null | undefined): string {
  return String(text ?? '')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ⏎ ')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`[\]|]/g, (c) => `\\${c}`);
}

/**
 * One line of command output inside a ```text fence: it can neither close the
 * fence nor be more than one line, and it is quoted (`> `) so that no output
 * line reads, even to grep, as a line of the record (`- Result: pass`).
 */
export function escapeFencedLine(line: string): string {
  return `> ${line.replace(/\r|\n/g, ' ').replace(/`{3,}|~{3,}/g, (fence) => fence.split('').join('\u200b'))}`;
}

/**
 * Text as an inline code span, for commands: one line, delimited by a run of
 * backticks longer than any inside it, so the text cannot close the span. In
 * a table cell `|` is written `\|`, which GFM reads as a literal bar even in code.
 */
export function codeSpan(text: string, inTable = false): string {
  const oneLine = text.replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ⏎ ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  const cell = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
  const longest = Math.max(0, ...(cell.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = cell.startsWith('`') || cell.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${cell}${pad}${fence}`;
}
