import { plainText } from './markdown-document';

export type Interval = { interval: string | { days: number }; changeKind?: string };

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, ten: 10, fourteen: 14, thirty: 30 };

/** Per-change triggers: "per consumer-visible change", "every active session", "on every protocol change". */
const CHANGE = /\b(?:per|each|every|on every|on each|for every|for each)\s+([\w -]*?\b(?:change|session|pr|pull request|merge|commit|push|run))\b/i;
/** "every change that alters the wire format": the kind is the change with what it does (a verb and up to three words). */
const CHANGE_THAT = /^change\s+(?:that|which)\s+\w+\s+(?:(?:the|a|an)\s+)?[\w-]+(?:\s+[\w-]+)?/i;

/**
 * The interval a heading, a label or a cell names: weekly, monthly, quarterly,
 * daily, every N days or weeks, before each release or per release, and per
 * change of a kind ("per consumer-visible change", "every active session"),
 * the kind as the prose writes it.
 */
export function readInterval(text: string): Interval | undefined {
  const written = plainText(text);
  const plain = written.toLowerCase();
  const every = /\bevery\s+(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s+(days?|weeks?)\b/.exec(plain);
  if (every) return { interval: { days: (NUMBER_WORDS[every[1]] ?? Number(every[1])) * (every[2].startsWith('week') ? 7 : 1) } };
  if (/\b(daily|every day|each day|once a day)\b/.test(plain)) return { interval: { days: 1 } };
  if (/\b(bi-?weekly|fortnightly|every other week)\b/.test(plain)) return { interval: { days: 14 } };
  if (/\b(weekly|every week|each week|once a week)\b/.test(plain)) return { interval: 'weekly' };
  if (/\b(monthly|every month|each month|once a month)\b/.test(plain)) return { interval: 'monthly' };
  if (/\b(quarterly|every quarter|each quarter|once a quarter)\b/.test(plain)) return { interval: 'quarterly' };
  if (/\b(before|per|each|every|for every|for each|at each)\s+(a\s+)?(release|tag|publish)/.test(plain)) return { interval: 'before-release' };
  return perChange(written);
}

function perChange(written: string): Interval | undefined {
  const change = CHANGE.exec(written);
  if (!change) return undefined;
  const plainChange = change[1].toLowerCase() === 'change';
  const that = plainChange ? CHANGE_THAT.exec(written.slice(change.index + change[0].length - change[1].length)) : undefined;
  const kind = that ? that[0] : plainChange ? undefined : change[1];
  return { interval: 'per-change', ...(kind ? { changeKind: kind } : {}) };
}

/** The interval a paragraph opens with (within its first words), so that one named in passing makes no activity. */
export function openingInterval(paragraph: string): Interval | undefined {
  const opening = plainText(paragraph).split(/\s+/).slice(0, 8).join(' ');
  const interval = readInterval(opening);
  // The change kind may run past the opening words ("every change that alters the wire format").
  return interval?.interval === 'per-change' ? (perChange(plainText(paragraph)) ?? interval) : interval;
}
