import { readNxJson, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { validateGovernance } from '../../core/validation/validate-governance';
import { treeFileReader } from '../tree-file-reader';
import initGenerator from './generator';

function snapshot(tree: Tree): Record<string, string> {
  return Object.fromEntries(tree.listChanges().map((c) => [c.path, c.content?.toString() ?? '']));
}

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('README.md', '# My workspace\n');
  });

  it('registers the plugin and its sync generator, and writes a minimal valid governance folder', async () => {
    await initGenerator(tree, { coreProject: 'core' });
    const nxJson = readNxJson(tree)!;
    expect(nxJson.plugins).toContain('nx-governance');
    expect(nxJson.sync?.globalGenerators).toEqual(['nx-governance:sync']);
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8')!)).toEqual({
      $schema: '../node_modules/nx-governance/schemas/governance.schema.json',
      core: { project: 'core' },
      paths: { milestones: 'governance/milestones', evidence: 'evidence', docs: 'docs/execution-plan' },
    });
    expect(JSON.parse(tree.read('governance/gates.json', 'utf8')!).gates).toEqual([]);
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json', { projects: new Map([['core', []]]) });
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(tree.read('README.md', 'utf8')).toContain('# My workspace\n\n<!-- nx-governance -->\n## Governance');
    expect(tree.read('README.md', 'utf8')).toContain('CI runs `npx nx sync:check`, which fails when they are stale.');
  });

  it('changes nothing when run twice', async () => {
    await initGenerator(tree, { coreProject: 'core' });
    const first = snapshot(tree);
    await initGenerator(tree, { coreProject: 'other' });
    expect(snapshot(tree)).toEqual(first);
  });

  it('keeps an existing plugin registration with options and existing data', async () => {
    const nxJson = readNxJson(tree)!;
    tree.write('nx.json', JSON.stringify({ ...nxJson, plugins: [{ plugin: 'nx-governance', options: { gateTargetName: 'gates' } }] }));
    tree.write('governance/gates.json', '{ "gates": [] }\n');
    await initGenerator(tree, { coreProject: 'core' });
    expect(readNxJson(tree)!.plugins).toEqual([{ plugin: 'nx-governance', options: { gateTargetName: 'gates' } }]);
    expect(tree.read('governance/gates.json', 'utf8')).toBe('{ "gates": [] }\n');
  });
});
