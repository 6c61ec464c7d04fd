import { expectDayOneGreen } from '../helpers/day-one';
import { LocalRegistry } from '../helpers/local-registry';
import { TestWorkspace } from '../helpers/workspace';

/**
 * Issue 13: `nx add nx-governance` as a user (or CI) runs it: the packed plugin
 * comes from a registry on 127.0.0.1, npm installs it into a fresh workspace
 * with no project at all, and Nx runs its init generator with no terminal.
 */
describe('nx add nx-governance, installed from a registry', () => {
  let registry: LocalRegistry;
  let workspace: TestWorkspace;
  let version: string;
  beforeAll(async () => {
    registry = await LocalRegistry.start();
    version = registry.publishPlugin();
    workspace = TestWorkspace.bare();
    workspace.write('package.json', `${JSON.stringify({ name: '@acme/source', version: '0.0.0', private: true, devDependencies: { nx: '24.0.0' } }, null, 2)}\n`);
    workspace.write('nx.json', `${JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2)}\n`);
    workspace.write('.npmrc', registry.npmrc());
    workspace.write('.gitignore', 'node_modules\n.nx\n');
    registry.install(workspace.root);
    workspace.commit('an empty Nx workspace');
  }, 240_000);
  afterAll(async () => {
    workspace?.remove();
    await registry?.stop();
  });

  it('installs the plugin and runs init without a terminal, and day one is green', () => {
    const add = workspace.nxWithEnv({ CI: 'true' }, 'add', 'nx-governance');
    expect({ code: add.code, output: add.output }).toMatchObject({ code: 0, output: expect.stringContaining('Package nx-governance added successfully.') });
    // Nx reports success even when it finds no init generator in the package; the files init writes are the proof it ran.
    expect(add.output).toContain('CREATE governance/governance.json');
    expect(JSON.parse(workspace.read('package.json')).devDependencies).toEqual({ nx: '24.0.0', 'nx-governance': `^${version}` });
    expect(JSON.parse(workspace.read('node_modules/nx-governance/package.json')).version).toBe(version);
    expect(JSON.parse(workspace.read('nx.json'))).toMatchObject({ plugins: ['nx-governance'], sync: { globalGenerators: ['nx-governance:sync'] } });
    for (const file of ['governance.json', 'gates.json', 'compatibility.json', 'playbook.json', 'cadence.json']) expect(workspace.exists(`governance/${file}`)).toBe(true);
    expect(workspace.read('.gitignore')).toContain('evidence/gates/*/records/');
    expectDayOneGreen(workspace);
  });
});
