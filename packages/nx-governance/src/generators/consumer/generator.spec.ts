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

  it('refuses a folder without a manifest, a consumer declared twice and a bad range', async () => {
    tree.write('vendor/empty/README.md', 'nothing');
    await expect(consumerGenerator(tree, { name: 'empty' })).rejects.toThrow('vendor/empty has none of Cargo.toml, pyproject.toml, package.json, go.mod');
    await expect(consumerGenerator(tree, { name: 'io-rflx' })).rejects.toThrow('Consumer io-rflx is already declared');
    tree.write('vendor/ok/Cargo.toml', '[package]\nname = "ok"\nversion = "1.0.0"\n');
    await expect(consumerGenerator(tree, { name: 'ok', supports: '^^1' })).rejects.toThrow('supports: expected a semver range');
  });
});
