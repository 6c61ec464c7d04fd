import { type Diagnostic, error } from '../diagnostics';
import { compileIdPatterns, type IdPatterns } from '../ids/id-patterns';
import type { MilestoneDocument, MilestonePart, MilestoneSection, TaskCard } from './model';
import { parseTaskCard } from './parse-task-card';
import { fencedLineNumbers, type SourceLine, splitSourceLines } from './source-lines';

/**
 * `# <milestone> - <title>` and `### <task> <title>`: the id is the first word, its form the configured pattern's.
 * The rest of a heading is cut in code (`headingText`): a pattern such as `(.*?)\s*#*\s*$` makes V8 try every
 * way to split a run of spaces, cubic in the line's length (2,000 spaces: 7 s).
 */
const TITLE_HEADING = /^#\s+`?([A-Za-z0-9][A-Za-z0-9._-]*)`?/;
const SECTION_HEADING = /^##\s+/;
const CARD_HEADING = /^###\s+`?([A-Za-z0-9][A-Za-z0-9._-]*)`?/;
const ANY_HEADING = /^#{1,3}\s/;

export type MilestoneParseResult =
  | { ok: true; document: MilestoneDocument; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses a milestone document. The result keeps the source text between and
 * inside task cards, so `renderMilestone` gives back the same bytes.
 * `diagnostics` holds problems that do not stop parsing (a bad status, a card
 * of another milestone); `ok: false` means the file is not a milestone at all.
 */
export function parseMilestone(file: string, source: string, ids: IdPatterns = compileIdPatterns()): MilestoneParseResult {
  const lines = splitSourceLines(source);
  const fenced = fencedLineNumbers(lines);
  const isHeading = (line: SourceLine) => !fenced.has(line.number) && ANY_HEADING.test(line.text);
  const titleLine = lines.find((l) => !fenced.has(l.number) && /^#\s/.test(l.text));
  const title = titleLine ? idHeading(TITLE_HEADING, titleLine.text, (id) => ids.matches('milestone', id)) : undefined;
  if (!titleLine || !title) {
    return {
      ok: false,
      diagnostics: [
        error(file, `found ${titleLine ? JSON.stringify(titleLine.text) : 'no "# " heading'}, expected a first heading "# <milestone> - <title>" whose milestone is ${ids.describe('milestone')}`, {
          line: titleLine?.number ?? 1,
        }),
      ],
    };
  }

  const id = title.id;
  const diagnostics: Diagnostic[] = [];
  const parts: MilestonePart[] = [];
  const sections: MilestoneSection[] = [];
  const cards: TaskCard[] = [];
  let text = '';
  let section: MilestoneSection | undefined;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const card = isHeading(line) ? idHeading(CARD_HEADING, line.text, (task) => ids.matches('task', task)) : undefined;
    if (card) {
      let end = i + 1;
      while (end < lines.length && !isHeading(lines[end])) end++;
      const body = lines.slice(i + 1, end);
      const raw = lines.slice(i, end).map((l) => l.raw).join('');
      const parsed = parseTaskCard(file, { id: card.id, title: card.title, line: line.number, section: section?.heading ?? '' }, body, raw, ids);
      diagnostics.push(...parsed.diagnostics);
      if (text) parts.push({ kind: 'text', raw: text });
      text = '';
      parts.push({ kind: 'card', card: parsed.card });
      cards.push(parsed.card);
      i = end - 1;
      continue;
    }
    const marks = isHeading(line) ? SECTION_HEADING.exec(line.text) : null;
    if (marks) {
      const heading = withoutClosingHashes(line.text.slice(marks[0].length));
      section = { heading, line: line.number, kind: sectionKind(heading), text: '' };
      sections.push(section);
    } else if (section) {
      section.text += line.raw;
    }
    text += line.raw;
  }
  if (text) parts.push({ kind: 'text', raw: text });

  diagnostics.push(...checkCardIds(file, id, cards, ids));
  const byKind = (kind: MilestoneSection['kind']) => sections.find((s) => s.kind === kind);
  return {
    ok: true,
    diagnostics,
    document: {
      file,
      id,
      title: title.title,
      objective: byKind('objective')?.text.trim() ?? '',
      entryCriteria: bulletItems(byKind('entry-criteria')?.text),
      exitCriteria: bulletItems(byKind('exit-criteria')?.text),
      sections,
      taskCards: cards,
      parts,
      eol: source.includes('\r\n') ? '\r\n' : '\n',
    },
  };
}

function sectionKind(heading: string): MilestoneSection['kind'] {
  const key = heading.toLowerCase().replace(/\s+/g, ' ').trim();
  if (key === 'objective' || key === 'objectives') return 'objective';
  if (key === 'entry criteria') return 'entry-criteria';
  if (key === 'exit criteria') return 'exit-criteria';
  return 'other';
}

function bulletItems(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((l) => /^\s*[-*+]\s+([\s\S]*)$/.exec(l)?.[1]?.trim())
    .filter((l): l is string => !!l);
}

/** The id and title of a heading whose first word is an id `isId` accepts; any other heading is no milestone or card. */
function idHeading(heading: RegExp, text: string, isId: (id: string) => boolean): { id: string; title: string } | undefined {
  const match = heading.exec(text);
  return match && isId(match[1]) ? { id: match[1], title: headingText(text.slice(match[0].length)) } : undefined;
}

/** A heading's title after its id: without the separator ("-", "–", "—" or ":") and the closing "#"s. */
function headingText(rest: string): string {
  const text = rest.trimStart();
  return withoutClosingHashes(/^[-–—:]/.test(text) ? text.slice(1).trimStart() : text);
}

/** A heading's text without the spaces around it and a closing run of "#" (`## Objective ##`). */
function withoutClosingHashes(text: string): string {
  let end = text.trimEnd().length;
  while (end > 0 && text[end - 1] === '#') end--;
  return text.slice(0, end).trim();
}

function checkCardIds(file: string, milestoneId: string, cards: TaskCard[], ids: IdPatterns): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, number>();
  for (const card of cards) {
    const milestone = ids.milestoneOf(card.id);
    if (milestone !== milestoneId) {
      diagnostics.push(
        error(file, `task card ${card.id} belongs to ${milestone ? `milestone ${milestone}` : 'no milestone'}, expected a card of ${milestoneId} (a card's milestone is the (?<milestone>...) group of ids.task in ${ids.settingsFile}: ${ids.sources.task})`, {
          line: card.line,
          path: card.id,
        }),
      );
    }
    const first = seen.get(card.id);
    if (first !== undefined) {
      diagnostics.push(error(file, `duplicate task card ${card.id}, first defined on line ${first}`, { line: card.line, path: card.id }));
    } else {
      seen.set(card.id, card.line);
    }
  }
  return diagnostics;
}
