import { type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { validateGovernance } from '../../lib/validation/validate-governance';
import consumerGenerator from '../consumer/generator';
import initGenerator from '../init/generator';
import { treeFileReader } from '../tree-file-reader';
import rollbackTupleGenerator from './generator';

const json = (value: unknown) => JSON.stringify(value);

/** An @nx/js workspace: a core at 1.0.0 and two consumers, governance from init and the consumer generator. */
async function jsWorkspace(): Promise<Tree> {
  const tree = createTreeWithEmptyWorkspace();
  const library = (folder: string, name: string, version: string, dependencies: Record<string, string> = {}) => {
    tree.write(`packages/${folder}/package.json`, json({ name, version, main: 'src/index.js', dependencies }));
    tree.write(`packages/${folder}/project.json`, json({ name, root: `packages/${folder}` }));
  };
  library('core', '@demo/core', '1.0.0');
  library('consumer-a', '@demo/consumer-a', '0.1.0', { '@demo/core': '1.0.0' });
  library('consumer-b', '@demo/consumer-b', '0.2.0', { '@demo/core': '1.0.0' });
  await initGenerator(tree, { coreProject: '@demo/core' });
  await consumerGenerator(tree, { name: 'consumer-a' });
  await consumerGenerator(tree, { name: 'consumer-b' });
  return tree;
}

const compatibility = (tree: Tree) => JSON.parse(tree.read('governance/compatibility.json', 'utf8')!);
const problems = (tree: Tree) => {
  const projects = new Map([['@demo/core', []], ['@demo/consumer-a', ['test']], ['@demo/consumer-b', ['test']], ['governance', ['validate']]]);
  const result = validateGovernance(treeFileReader(tree), 'governance/governance.json', { projects });
  return [...result.errors, ...result.warnings].map((d) => d.message);
};

describe('rollback-tuple generator', () => {
  it('writes the tuple a release rolls back to from the versions now: the core release and every consumer', async () => {
    const tree = await jsWorkspace();
    await rollbackTupleGenerator(tree, { date: '2026-12-01' });
    expect(compatibility(tree).releases).toEqual([{ version: '1.0.0', date: '2026-12-01' }]);
    expect(compatibility(tree).tuples).toEqual([{ id: 'rollback', core: '1.0.0', consumers: { 'consumer-a': '0.1.0', 'consumer-b': '0.2.0' } }]);
    expect(problems(tree)).toEqual([]);
  });

  it('moves the tuple on after a release, keeping the release already listed', async () => {
    const tree = await jsWorkspace();
    await rollbackTupleGenerator(tree, { date: '2026-12-01' });
    tree.write('packages/core/package.json', json({ name: '@demo/core', version: '1.2.3', main: 'src/index.js' }));
    await rollbackTupleGenerator(tree, { date: '2026-12-02' });
    expect(compatibility(tree).releases).toEqual([
      { version: '1.0.0', date: '2026-12-01' },
      { version: '1.2.3', date: '2026-12-02' },
    ]);
    expect(compatibility(tree).tuples).toEqual([{ id: 'rollback', core: '1.2.3', consumers: { 'consumer-a': '0.1.0', 'consumer-b': '0.2.0' } }]);
    await rollbackTupleGenerator(tree, { date: '2026-12-03', coreVersion: '1.0.0' });
    expect(compatibility(tree).tuples[0].core).toBe('1.0.0');
    expect(compatibility(tree).releases).toHaveLength(2);
  });

  it('refuses when a version cannot be read, naming where it looked, and writes nothing', async () => {
    const tree = await jsWorkspace();
    tree.write('packages/consumer-b/package.json', json({ name: '@demo/consumer-b', main: 'src/index.js' }));
    const before = tree.read('governance/compatibility.json', 'utf8');
    await expect(rollbackTupleGenerator(tree, {})).rejects.toThrow('consumer-b has no version in packages/consumer-b/package.json (version)');
    await expect(rollbackTupleGenerator(tree, { coreVersion: 'one' })).rejects.toThrow('--coreVersion: found "one", expected a semver version such as 1.2.3');
    expect(tree.read('governance/compatibility.json', 'utf8')).toBe(before);
  });
});
