import type { MilestoneDocument, TaskCard, TaskStatus } from './model';
import { type NewTaskCard, renderMilestone, renderTaskCard } from './render-milestone';

/**
 * The document with a card added after the last card (or at the start of the
 * Task Cards section). Everything else keeps its bytes.
 */
export function appendTaskCard(document: MilestoneDocument, card: NewTaskCard): string {
  const text = renderTaskCard(card, document.eol);
  const parts = document.parts.map((p) => (p.kind === 'card' ? p.card.raw : p.raw));
  const lastCard = document.parts.map((p) => p.kind).lastIndexOf('card');
  if (lastCard >= 0) {
    parts[lastCard] = withBlankLineAtEnd(parts[lastCard], document.eol) + text;
    return parts.join('');
  }
  const source = renderMilestone(document);
  const heading = /^##\s+Task Cards\s*$/im.exec(source);
  if (!heading) return `${withBlankLineAtEnd(source, document.eol)}## Task Cards${document.eol}${document.eol}${text}`;
  const afterHeading = source.indexOf('\n', heading.index) + 1;
  const rest = source.slice(afterHeading).replace(/^(\r?\n)+/, '');
  return `${source.slice(0, afterHeading)}${document.eol}${text}${rest ? (rest.startsWith('#') ? '' : document.eol) + rest : ''}`;
}

/** The document with one card's Status line set (added after Goal when the card has none). */
export function setTaskStatus(document: MilestoneDocument, card: TaskCard, status: TaskStatus, date?: string): string {
  const value = date ? `${status} (${date})` : status;
  const lines = card.raw.split(/(?<=\n)/);
  const statusIndex = card.status ? card.status.line - card.line : lines.findIndex((l) => /^\s*[-*+]\s+Status:/i.test(l));
  const eol = document.eol;
  if (statusIndex >= 0) {
    // The field as the card writes it: a list item or a paragraph, its name plain or emphasised (`**Status:**`).
    lines[statusIndex] = lines[statusIndex].replace(/^(\s*(?:[-*+]\s+)?(?:(\*\*|__|\*|_)Status:?\2:?|Status:))[^\r\n]*/i, `$1 ${value}`);
  } else {
    const goal = lines.findIndex((l) => /^\s*[-*+]\s+Goal:/i.test(l));
    const at = goal >= 0 ? goal + 1 : Math.min(2, lines.length);
    lines.splice(at, 0, `- Status: ${value}${eol}`);
  }
  const raw = lines.join('');
  return document.parts.map((p) => (p.kind === 'card' ? (p.card === card ? raw : p.card.raw) : p.raw)).join('');
}

function withBlankLineAtEnd(text: string, eol: string): string {
  if (text.endsWith(`${eol}${eol}`) || text === '') return text;
  return text.endsWith(eol) ? `${text}${eol}` : `${text}${eol}${eol}`;
}
