import { sealGateEvidence, renderTaskCopyMarkdown, taskCopyOf } from './gate-store';
import { readAs, record, SPOOFS } from '../../test-helpers/spoofing';
import { renderGateMarkdown } from './render-gate-markdown';

describe('gate evidence markdown', () => {
  const plain = readAs(renderGateMarkdown(sealGateEvidence(record('plain'))));

  it.each(Object.entries(SPOOFS))('cannot be read as another result through %s in any field', (_name, text) => {
    const evidence = sealGateEvidence(record(text));
    for (const markdown of [renderGateMarkdown(evidence), renderTaskCopyMarkdown(taskCopyOf(evidence, { date: '2026-01-01', task: `t ${text}`, milestone: `m ${text}` }))]) {
      expect(readAs(markdown)).toEqual(plain);
    }
  });
});
