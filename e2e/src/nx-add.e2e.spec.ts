import { LocalRegistry } from '../helpers/local-registry';
import { TestWorkspace } from '../helpers/workspace';

describe('nx add nx-governance from a registry', () => {
  let registry: LocalRegistry;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    registry = await LocalRegistry.start();
    console.time('publish');
    registry.publishPlugin();
    console.timeEnd('publish');
    workspace = TestWorkspace.bare();
    workspace.write('package.json', `${JSON.stringify({ name: '@acme/source', version: '0.0.0', private: true, devDependencies: { nx: '24.0.0' } }, null, 2)}\n`);
    workspace.write('nx.json', `${JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2)}\n`);
    workspace.write('.npmrc', registry.npmrc());
    workspace.write('.gitignore', 'node_modules\n.nx\n');
    console.time('install');
    registry.install(workspace.root);
    console.timeEnd('install');
    workspace.commit('an empty Nx workspace');
  }, 300_000);
  afterAll(async () => {
    workspace?.remove();
    await registry?.stop();
  });

  it('adds', () => {
    console.time('add');
    const add = workspace.nxWithEnv({ CI: 'true' }, 'add', 'nx-governance');
    console.timeEnd('add');
    console.log(add.output);
    console.log(workspace.git('status', '--porcelain'));
  });
});
