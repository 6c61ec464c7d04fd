import type { Tree } from '@nx/devkit';
import { treeWithBundledGovernance } from '../../test-helpers/tree';
import milestoneGenerator from './generator';

describe('milestone generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = treeWithBundledGovernance()));

  it('adds M7 after M6 in the seed format, naming M6 in its entry criteria', async () => {
    await milestoneGenerator(tree, { title: 'Consumer SDK', objective: 'Ship the SDK.', exitCriteria: 'SDK published; Docs written' });
    expect(tree.read('governance/milestones/M7.md', 'utf8')).toBe(
      '# M7 - Consumer SDK\n\n## Objective\n\nShip the SDK.\n\n## Entry Criteria\n\n- M6 complete with no unresolved release-blocking regressions.\n\n## Exit Criteria\n\n- SDK published\n- Docs written\n\n## Task Cards\n',
    );
  });

  it('refuses to build on broken governance data', async () => {
    tree.write('governance/gates.json', '{ "gates": [ }');
    await expect(milestoneGenerator(tree, { title: 'X' })).rejects.toThrow('governance/gates.json:1: invalid JSON');
  });
});
