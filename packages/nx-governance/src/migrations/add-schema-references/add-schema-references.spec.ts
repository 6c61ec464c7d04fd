import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateGovernance } from '../../lib/validation/validate-governance';
import { treeFileReader } from '../../generators/tree-file-reader';
import { treeWithBundledGovernance } from '../../test-helpers/tree';
import addSchemaReferences from './add-schema-references';

const withoutSchema = (tree: Tree, file: string) => {
  const { $schema: _schema, ...rest } = JSON.parse(tree.read(file, 'utf8')!);
  tree.write(file, `${JSON.stringify(rest, null, 2)}\n`);
};
const schemaOf = (tree: Tree, file: string) => JSON.parse(tree.read(file, 'utf8')!).$schema;

describe('migration add-schema-references (0.2.0)', () => {
  it('is registered in migrations.json, which package.json names for nx migrate', () => {
    const root = join(__dirname, '..', '..', '..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const migrations = JSON.parse(readFileSync(join(root, manifest['nx-migrations'].migrations), 'utf8'));
    expect(manifest.files).toContain('migrations.json');
    expect(migrations.generators['add-schema-references']).toMatchObject({ version: '0.2.0', implementation: './dist/migrations/add-schema-references/add-schema-references' });
  });

  it('adds $schema first to every data file lacking it, and validate stops warning', async () => {
    const tree = treeWithBundledGovernance();
    tree.write('governance/gates/VG-OWN-001.json', JSON.stringify({ id: 'VG-OWN-001', title: 'x', scope: 'x', owner: 'release-manager', kind: 'manual', checklist: ['ok'] }));
    tree.write('vendor/io-rflx/governance.consumer.json', JSON.stringify({ name: 'io-rflx-2', project: 'io-rflx' }));
    for (const file of ['governance/governance.json', 'governance/cadence.json', 'governance/playbook.json']) withoutSchema(tree, file);
    const gatesBefore = tree.read('governance/gates.json', 'utf8');
    await addSchemaReferences(tree);
    expect(Object.keys(JSON.parse(tree.read('governance/governance.json', 'utf8')!))[0]).toBe('$schema');
    expect(schemaOf(tree, 'governance/governance.json')).toBe('../node_modules/nx-governance/schemas/governance.schema.json');
    expect(schemaOf(tree, 'governance/cadence.json')).toBe('../node_modules/nx-governance/schemas/cadence.schema.json');
    expect(schemaOf(tree, 'governance/gates/VG-OWN-001.json')).toBe('../../node_modules/nx-governance/schemas/gate.schema.json');
    expect(schemaOf(tree, 'vendor/io-rflx/governance.consumer.json')).toBe('../../node_modules/nx-governance/schemas/consumer.schema.json');
    expect(tree.read('governance/gates.json', 'utf8')).toBe(gatesBefore);
    const warnings = validateGovernance(treeFileReader(tree), 'governance/governance.json').warnings.map((w) => w.message);
    expect(warnings.filter((w) => w.includes('$schema'))).toEqual([]);
  });

  it('leaves a file that does not parse as it is', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('governance/governance.json', '{ broken');
    await addSchemaReferences(tree);
    expect(tree.read('governance/governance.json', 'utf8')).toBe('{ broken');
  });
});
