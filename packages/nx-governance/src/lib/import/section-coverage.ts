import type { ImportLog } from './import-log';
import type { MarkdownDocument } from './markdown-document';

/**
 * Every section that no converted, review or not-understood item points into
 * gets a not-understood line of its own (a heading with nothing under it holds nothing to drop), so nothing the prose holds is dropped
 * without a line in the report. Linear: item lines are sorted once per file.
 */
export function reportUncoveredSections(documents: MarkdownDocument[], log: ImportLog): void {
  const lines = new Map<string, number[]>();
  for (const item of [...log.converted, ...log.review, ...log.notUnderstood]) {
    const list = lines.get(item.file) ?? [];
    list.push(item.line);
    lines.set(item.file, list);
  }
  for (const list of lines.values()) list.sort((a, b) => a - b);
  for (const document of documents) {
    const list = lines.get(document.file) ?? [];
    for (const section of document.sections) {
      const holds = section.text.length + section.items.length + section.tables.length + section.code.length > 0;
      if (!holds || hasLineWithin(list, section.line, section.endLine)) continue;
      const what = section.heading ? `section "${section.heading}"` : 'text before the first heading';
      const held = [section.text.length && 'prose', section.items.length && 'a list', section.tables.length && 'a table', section.code.length && 'code'].filter(Boolean).join(', ');
      log.notUnderstood.push({ file: document.file, line: section.line, what, why: `nothing imported from it (it holds ${held})` });
    }
  }
}

function hasLineWithin(sorted: number[], from: number, to: number): boolean {
  let [low, high] = [0, sorted.length];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] < from) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length && sorted[low] <= to;
}
