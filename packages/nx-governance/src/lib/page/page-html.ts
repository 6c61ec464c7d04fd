import { escapeHtml as e } from './escape-html';
import { SYMBOLS, TONES } from './page-symbols';

/** Turns a workspace-relative evidence path into the href the page links it by. */
export type LinkTo = (workspacePath: string) => string;

/** A state as a badge: its symbol, its word and its colour, never the colour alone. */
export function badge(state: string, extra = ''): string {
  return `<span class="b ${TONES[state] ?? 'none'}" data-state="${e(state)}"><span class="s" aria-hidden="true">${e(SYMBOLS[state] ?? '?')}</span>${e(state)}${extra}</span>`;
}

/** A link to an evidence file, focusable like every link. */
export function evidenceLink(linkTo: LinkTo, file: string | undefined, label = 'evidence'): string {
  return file ? `<a class="ev" href="${e(linkTo(file))}" title="${e(file)}">${e(label)}</a>` : '<span class="muted">none</span>';
}

/** A table whose cells say what they are on narrow screens, where its rows stack. */
export function stackTable(headings: string[], rows: string[][], caption?: string): string {
  const head = `<thead><tr>${headings.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((cell, i) => `<td data-label="${e(headings[i])}">${cell}</td>`).join('')}</tr>`).join('');
  return `<div class="wrap"><table class="stack">${caption ? `<caption class="print-only">${e(caption)}</caption>` : ''}${head}<tbody>${body}</tbody></table></div>`;
}
