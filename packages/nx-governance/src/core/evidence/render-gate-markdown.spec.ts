import { sealGateEvidence, renderTaskCopyMarkdown, taskCopyOf } from './gate-store';
import type { GateRecord } from './gate-record';
import { renderGateMarkdown } from './render-gate-markdown';

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
    results: lines.filter((l) => /^\s*([-*+]\s*)?Result:/.test(l)),
    checked: lines.filter((l) => /^\s*[-*+] \[[xX]\]/.test(l)),
    tableRows: lines.filter((l) => l.trimStart().startsWith('|')).length,
    fences: lines.filter((l) => /^\s*(```|~~~)/.test(l)).length,
    html: prose.some((l) => /<[a-z!/]/i.test(l)),
  };
}

describe('gate evidence markdown', () => {
  const plain = readAs(renderGateMarkdown(sealGateEvidence(record('plain'))));

  it.each(Object.entries(SPOOFS))('cannot be read as another result through %s in any field', (_name, text) => {
    const evidence = sealGateEvidence(record(text));
    for (const markdown of [renderGateMarkdown(evidence), renderTaskCopyMarkdown(taskCopyOf(evidence, { date: '2026-01-01', task: `t ${text}`, milestone: `m ${text}` }))]) {
      expect(readAs(markdown)).toEqual(plain);
    }
  });
});
