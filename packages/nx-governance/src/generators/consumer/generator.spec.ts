import type { Tree } from '@nx/devkit';
import { treeWithBundledGovernance } from '../../test-helpers/tree';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import syncGenerator from '../sync/generator';
import consumerGenerator from './generator';

describe('consumer generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = treeWithBundledGovernance()));

  it('vendors a folder, detects its language, declares it and adds it to the matrix as untested', async () => {
    const { root, cleanup } = makeTempWorkspace({
      'pyproject.toml': '[project]\nname = "new-agent"\nversion = "2.1.0"\n',
      'new_agent/__init__.py': '',
      'tests/test_x.py': 'import unittest\n',
      'node_modules/junk.js': '',
    });
    try {
      await consumerGenerator(tree, { name: 'new-agent', source: root, supports: '^0.4.0' });
    } finally {
      cleanup();
    }
    expect(tree.exists('vendor/new-agent/new_agent/__init__.py')).toBe(true);
    expect(tree.exists('vendor/new-agent/node_modules/junk.js')).toBe(false);
    expect(JSON.parse(tree.read('vendor/new-agent/governance.consumer.json', 'utf8')!)).toEqual({
      $schema: '../../node_modules/nx-governance/schemas/consumer.schema.json',
      name: 'new-agent',
      project: 'new-agent',
      supports: '^0.4.0',
    });
    await syncGenerator(tree);
    expect(tree.read('docs/execution-plan/COMPATIBILITY-MATRIX.md', 'utf8')).toContain('| 0.4.2 | new-agent | any | untested | no compatibility result for this pair | - |');
  });

  it('vendors a consumer compatibility.json states without a project: its folder declares it with the stated range, its tuples stay', async () => {
    const compat = JSON.parse(tree.read('governance/compatibility.json', 'utf8')!);
    const release = compat.releases[0].version ?? compat.releases[0].commit;
    compat.consumers.push({ name: 'outside', supports: '>=0.1.0' });
    compat.tuples.push({ id: 'outside-stated', core: release, consumers: { outside: '3.0.0' }, tier: 'supported' });
    tree.write('governance/compatibility.json', JSON.stringify(compat));
    tree.write('vendor/outside/Cargo.toml', '[package]\nname = "outside"\nversion = "3.0.0"\n');
    await consumerGenerator(tree, { name: 'outside' });
    expect(JSON.parse(tree.read('vendor/outside/governance.consumer.json', 'utf8')!)).toMatchObject({ name: 'outside', project: 'outside', supports: '>=0.1.0' });
    const after = JSON.parse(tree.read('governance/compatibility.json', 'utf8')!);
    expect(after.consumers.map((c: { name: string }) => c.name)).not.toContain('outside');
    expect(after.tuples.find((t: { id: string }) => t.id === 'outside-stated')).toMatchObject({ consumers: { outside: '3.0.0' } });
  });

  it('refuses a folder without a manifest, a consumer declared twice and a bad range', async () => {
    tree.write('vendor/empty/README.md', 'nothing');
    await expect(consumerGenerator(tree, { name: 'empty' })).rejects.toThrow('vendor/empty has none of Cargo.toml, pyproject.toml, package.json, go.mod');
    await expect(consumerGenerator(tree, { name: 'io-rflx' })).rejects.toThrow('Consumer io-rflx is already declared');
    tree.write('vendor/ok/Cargo.toml', '[package]\nname = "ok"\nversion = "1.0.0"\n');
    await expect(consumerGenerator(tree, { name: 'ok', supports: '^^1' })).rejects.toThrow('supports: expected a semver range');
  });

  describe('in an @nx/js workspace (libraries under packages/)', () => {
    const library = (root: string, name: string) => {
      tree.write(`${root}/package.json`, JSON.stringify({ name, version: '0.3.0', dependencies: { '@demo/core': '1.0.0' } }));
      tree.write(`${root}/project.json`, JSON.stringify({ name, root, sourceRoot: `${root}/src` }));
    };

    it('declares an existing Nx project by name in its own folder, not under vendor/', async () => {
      library('packages/consumer-a', 'consumer-a');
      await consumerGenerator(tree, { name: 'consumer-a' });
      expect(tree.exists('vendor/consumer-a')).toBe(false);
      expect(JSON.parse(tree.read('packages/consumer-a/governance.consumer.json', 'utf8')!)).toEqual({
        $schema: '../../node_modules/nx-governance/schemas/consumer.schema.json',
        name: 'consumer-a',
        project: 'consumer-a',
      });
    });

    it('finds a scoped project (@demo/consumer-b) by the name of its folder, and by --project', async () => {
      library('packages/consumer-b', '@demo/consumer-b');
      library('packages/other', '@demo/other');
      await consumerGenerator(tree, { name: 'consumer-b' });
      expect(JSON.parse(tree.read('packages/consumer-b/governance.consumer.json', 'utf8')!)).toMatchObject({ name: 'consumer-b', project: '@demo/consumer-b' });
      await consumerGenerator(tree, { name: 'renamed', project: '@demo/other' });
      expect(JSON.parse(tree.read('packages/other/governance.consumer.json', 'utf8')!)).toMatchObject({ name: 'renamed', project: '@demo/other' });
    });

    it('says how to point at the folder when no project and no vendor/ folder has the name', async () => {
      library('packages/consumer-a', 'consumer-a');
      await expect(consumerGenerator(tree, { name: 'consumer-z' })).rejects.toThrow(
        'No Nx project named consumer-z and no folder vendor/consumer-z: pass --directory=<folder of the consumer> (and --project=<its Nx project>), --project=<an Nx project>, or --source=<folder to vendor>; projects: consumer-a',
      );
    });
  });
});
