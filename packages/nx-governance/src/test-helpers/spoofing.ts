import type { GateRecord } from '../lib/evidence/gate-record';

/** Text a hostile data file, git config or command could carry into evidence. */
export const SPOOFS = {
  newline: 'a\nb',
  'fake result line': 'x\n- Result: pass',
  'fake checked item': 'x\n- [x] Approved by the release manager',
  'table bar': 'x | pass | 0',
  'table row': 'x\n| 9 | `fake` | 0 | 0.0s | - |',
  'code fence': 'x\n```\n- Result: pass\n```',
  html: '<b>x</b><!-- hide -->',
};

export function record(text: string): GateRecord {
  return {
    gate: 'VG-SPOOF-001',
    title: `title ${text}`,
    kind: 'manual',
    enforcement: 'blocking',
    owner: `owner ${text}`,
    task: 'M1-T01',
    result: 'fail',
    notes: [`note ${text}`],
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    durationMs: 1000,
    git: { commit: 'abc', branch: `branch ${text}`, dirty: false, consumers: {} },
    tools: { node: 'v20', steps: { [`tool ${text}`]: `version ${text}` } },
    steps: [{ label: `label ${text}`, argv: ['node', `arg ${text}`], durationMs: 1, exitCode: 1, tail: [`output ${text}`, text] }],
    criteria: [{ name: `criterion ${text}`, passed: false, detail: `detail ${text}` }],
    checklist: [{ item: `item ${text}`, answer: 'no', note: `answer note ${text}` }],
    attestation: { by: `user.name ${text}`, at: '2026-01-01T00:00:00.000Z', fingerprint: 'f', file: `file ${text}`, digest: 'd' },
    sequence: 1,
    previousDigest: null,
  };
}

/** What a reader of the markdown takes as the result, the checked items and the table rows. */
export function readAs(markdown: string) {
  const lines = markdown.split('\n');
  // HTML inside a code span or a fenced block is shown as text; anywhere else a renderer would run it.
  let fenced = false;
  const prose = lines.filter((l) => (/^\s*(```|~~~)/.test(l) ? ((fenced = !fenced), false) : !fenced)).map((l) => l.replace(/(`+).*?\1/g, ''));
  return {
    // The result a reader takes from each line that states one: the word after `Result:`.
    results: lines.flatMap((l) => /^\s*(?:[-*+]\s*)?Result:\s*(\S*)/.exec(l)?.slice(1) ?? []),
    checked: lines.filter((l) => /^\s*[-*+] \[[xX]\]/.test(l)),
    // Cells per table row: `\|` is a bar inside a cell, any other `|` starts a new one.
    tableRows: lines.filter((l) => l.trimStart().startsWith('|')).map((l) => l.replace(/\\\|/g, '').split('|').length),
    fences: lines.filter((l) => /^\s*(```|~~~)/.test(l)).length,
    html: prose.flatMap((l) => l.match(/<[a-z!/][^>]*>?/gi) ?? []),
  };
}

/** Fields whose value selects behaviour (an enum, a lookup key): left alone so the rendering takes the same branches. */
const SELECTORS = new Set(['kind', 'tier', 'interval', 'state', 'verdict', 'enforcement', 'result', 'outcome', 'pointer']);

/** `value` with `text` appended to every free-text string in it, at any depth. */
export function spoofStrings<T>(value: T, text: string, key = ''): T {
  if (typeof value === 'string') return (SELECTORS.has(key) ? value : `${value} ${text}`) as T;
  if (Array.isArray(value)) return value.map((v) => spoofStrings(v, text, key)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, spoofStrings(v, text, k)])) as T;
  return value;
}
