import type { Tree } from '@nx/devkit';
import { appendGateRecord } from '../../lib/evidence/gate-store';
import { defaultGovernanceSettings } from '../../lib/schemas/governance';
import { treeWithBundledGovernance } from '../../test-helpers/tree';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import milestoneGenerator from '../milestone/generator';
import taskCardGenerator from './generator';

const SEED_PATH = 'governance/milestones/M6.md';

describe('task-card generator', () => {
  let tree: Tree;
  let seed: string;
  beforeEach(() => {
    tree = treeWithBundledGovernance();
    seed = tree.read(SEED_PATH, 'utf8')!;
  });

  it('appends the next card after the last one and leaves every other byte as it was', async () => {
    await taskCardGenerator(tree, { milestone: 'M6', title: 'Publish SDK notes', gates: 'VG-CONTRACT-001,`VG-LOOP-BUILD-001`', goal: 'tell consumers.', workItems: 'Write notes; Link them' });
    const after = tree.read(SEED_PATH, 'utf8')!;
    const card =
      '### M6-T04 Publish SDK notes\n\n- Goal: tell consumers.\n- Status: todo\n- Work items:\n- Write notes\n- Link them\n- Acceptance criteria:\n- State how done is recognised.\n- Required gates: VG-CONTRACT-001, VG-LOOP-BUILD-001\n\n';
    const insertAt = seed.indexOf('## Risks');
    expect(after).toBe(seed.slice(0, insertAt) + card + seed.slice(insertAt));
  });

  it('starts an empty milestone at T01 under its Task Cards heading', async () => {
    await milestoneGenerator(tree, { title: 'Next' });
    await taskCardGenerator(tree, { milestone: 'M7', title: 'First', gates: 'VG-LOOP-TEST-001' });
    await taskCardGenerator(tree, { milestone: 'M7', title: 'Second', gates: '' });
    const text = tree.read('governance/milestones/M7.md', 'utf8')!;
    expect(text).toMatch(/## Task Cards\n\n### M7-T01 First\n\n- Goal: .*\n- Status: todo\n[\s\S]*- Required gates: VG-LOOP-TEST-001\n\n### M7-T02 Second\n/);
  });

  it('refuses unknown gates with the list of known ones, and unknown milestones', async () => {
    await expect(taskCardGenerator(tree, { milestone: 'M6', title: 'X', gates: 'VG-NOPE-001' })).rejects.toThrow(
      'Unknown gate(s) VG-NOPE-001; known gates: VG-COMPAT-001, VG-LOOP-PERF-001, VG-LOOP-TEST-001, VG-CONTRACT-001, VG-GOVERNANCE-001 (the nearest 5 of 7)',
    );
    await expect(taskCardGenerator(tree, { milestone: 'M9', title: 'X' })).rejects.toThrow('Unknown milestone M9, expected one of: M6');
    expect(tree.read(SEED_PATH, 'utf8')).toBe(seed);
  });

  it('sets a status on an existing card, changing only that line', async () => {
    await taskCardGenerator(tree, { milestone: 'M6', task: 'M6-T02', status: 'in_progress' });
    expect(tree.read(SEED_PATH, 'utf8')).toBe(seed.replace('- Status: done (2026-02-19)\n- Work items:\n- Define pre-release', '- Status: in_progress\n- Work items:\n- Define pre-release'));
  });

  it('refuses done while a required gate has no passing evidence, and sets the date once it has', async () => {
    await expect(taskCardGenerator(tree, { milestone: 'M6', task: 'M6-T01', status: 'done', date: '2026-03-01' })).rejects.toThrow(
      'M6-T01 cannot be done: no passing evidence for VG-CONTRACT-001; run nx run governance:gate --task=M6-T01 first',
    );
    const { root, cleanup } = makeTempWorkspace();
    try {
      const record = {
        gate: 'VG-CONTRACT-001', title: 't', kind: 'manual' as const, enforcement: 'blocking' as const, owner: 'release-manager', result: 'pass' as const,
        notes: [], startedAt: 'x', finishedAt: 'x', durationMs: 0, git: { dirty: false, consumers: {} }, tools: { node: 'v20', steps: {} }, steps: [], criteria: [],
      };
      const { evidence } = appendGateRecord(root, defaultGovernanceSettings(), record);
      tree.write('evidence/gates/VG-CONTRACT-001/latest.json', JSON.stringify(evidence));
    } finally {
      cleanup();
    }
    await taskCardGenerator(tree, { milestone: 'M6', task: 'M6-T01', status: 'done', date: '2026-03-01' });
    expect(tree.read(SEED_PATH, 'utf8')).toBe(seed.replace('- Status: done (2026-02-19)', '- Status: done (2026-03-01)'));
  });

  it('accepts passing imported evidence for the card (labelled imported), and refuses a failing or unknown one', async () => {
    const entry = (file: string, result: 'pass' | 'fail' | 'unknown') => ({
      file, sha256: '0'.repeat(64), kind: 'markdown', date: '2026-02-19', tasks: ['M6-T01'], gates: ['VG-CONTRACT-001'], result, resultFrom: 'header', imported: true, sealed: false,
    });
    const index = (result: 'pass' | 'fail' | 'unknown') => JSON.stringify({ kind: 'nx-governance/imported-evidence', folder: 'docs/evidence', entries: [entry('docs/evidence/2026-02-19/M6-T01-VG-CONTRACT-001.md', result)] });
    tree.write('governance/imported-evidence.json', index('unknown'));
    await expect(taskCardGenerator(tree, { milestone: 'M6', task: 'M6-T01', status: 'done', date: '2026-03-01' })).rejects.toThrow(
      'M6-T01 cannot be done: no passing evidence for VG-CONTRACT-001 (imported evidence: docs/evidence/2026-02-19/M6-T01-VG-CONTRACT-001.md says unknown)',
    );
    tree.write('governance/imported-evidence.json', index('pass'));
    await taskCardGenerator(tree, { milestone: 'M6', task: 'M6-T01', status: 'done', date: '2026-03-01' });
    expect(tree.read(SEED_PATH, 'utf8')).toBe(seed.replace('- Status: done (2026-02-19)', '- Status: done (2026-03-01)'));
  });

  it('writes nothing when the edited milestone would not validate', async () => {
    await expect(taskCardGenerator(tree, { milestone: 'M6', title: 'Twin\n\n### M6-T01 Twin of the first card' })).rejects.toThrow('governance/milestones/M6.md would not validate after this edit; nothing was written');
    expect(tree.read(SEED_PATH, 'utf8')).toBe(seed);
  });
});
