import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { customIdFiles } from '../test-helpers/custom-ids';
import gateGenerator from './gate/generator';
import milestoneGenerator from './milestone/generator';
import taskCardGenerator from './task-card/generator';

/** The milestone, task-card and gate generators in a workspace whose ids are GATE-…, REL-<n> and REL-<n>.<m>. */
describe('generators with configured id patterns', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    for (const [path, text] of Object.entries(customIdFiles())) tree.write(path, text);
  });

  it('adds REL-4 after REL-3, naming REL-3 in its entry criteria', async () => {
    await milestoneGenerator(tree, { title: 'Second release', skipFormat: true });
    expect(tree.read('governance/milestones/REL-4.md', 'utf8')).toContain('# REL-4 - Second release\n');
    expect(tree.read('governance/milestones/REL-4.md', 'utf8')).toContain('- REL-3 complete with no unresolved release-blocking regressions.\n');
  });

  it('takes a milestone id given with --id, and refuses one of another form, naming the pattern and where it is set', async () => {
    await milestoneGenerator(tree, { id: 'REL-10', title: 'Later', skipFormat: true });
    expect(tree.exists('governance/milestones/REL-10.md')).toBe(true);
    await expect(milestoneGenerator(tree, { id: 'M7', title: 'Old form', skipFormat: true })).rejects.toThrow(
      '--id: found "M7", expected a milestone id: an id matching ^REL-\\d+$ (ids.milestone in governance/governance.json)',
    );
  });

  it('numbers task cards in the configured form: REL-3.2 after REL-3.1, REL-4.1 in an empty milestone', async () => {
    await taskCardGenerator(tree, { milestone: 'REL-3', title: 'Test it', gates: 'GATE-BUILD-1', skipFormat: true });
    expect(tree.read('governance/milestones/REL-3.md', 'utf8')).toContain('### REL-3.2 Test it\n');
    await milestoneGenerator(tree, { title: 'Second release', skipFormat: true });
    await taskCardGenerator(tree, { milestone: 'REL-4', title: 'Start', skipFormat: true });
    expect(tree.read('governance/milestones/REL-4.md', 'utf8')).toContain('### REL-4.1 Start\n');
  });

  it('refuses a milestone or gates of another form, naming the pattern', async () => {
    await expect(taskCardGenerator(tree, { milestone: 'M3', title: 'x', skipFormat: true })).rejects.toThrow(
      '--milestone: found "M3", expected a milestone id: an id matching ^REL-\\d+$ (ids.milestone in governance/governance.json)',
    );
    await expect(taskCardGenerator(tree, { milestone: 'REL-3', title: 'x', gates: 'VG-BUILD-001', skipFormat: true })).rejects.toThrow(
      '--gates: found "VG-BUILD-001", expected a gate id: an id matching ^GATE-[A-Z0-9-]+$ (ids.gate in governance/governance.json)',
    );
  });

  it('adds a GATE- gate and refuses a VG- one, naming the pattern', async () => {
    await gateGenerator(tree, { id: 'GATE-LINT-1', title: 'Lint', argv: '["node","-e","0"]', inputs: '', skipFormat: true });
    expect(JSON.parse(tree.read('governance/gates.json', 'utf8') ?? '{}').gates.map((g: { id: string }) => g.id)).toEqual(['GATE-BUILD-1', 'GATE-LINT-1']);
    await expect(gateGenerator(tree, { id: 'VG-LINT-001', title: 'Lint', argv: '["node"]', skipFormat: true })).rejects.toThrow(
      '--id: found "VG-LINT-001", expected a gate id: an id matching ^GATE-[A-Z0-9-]+$ (ids.gate in governance/governance.json)',
    );
  });
});
