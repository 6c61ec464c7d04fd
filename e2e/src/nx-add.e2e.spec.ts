import { LocalRegistry } from '../helpers/local-registry';
import { TestWorkspace } from '../helpers/workspace';

describe('nx add nx-governance from a registry', () => {
  let registry: LocalRegistry;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    registry = await LocalRegistry.start();
    registry.publishPlugin();
    workspace = TestWorkspace.bare();
    workspace.write('package.json', `${JSON.stringify({ name: '@acme/source', version: '0.0.0', private: true, devDependencies: { nx: '24.0.0' } }, null, 2)}\n`);
    workspace.write('nx.json', `${JSON.stringify({ $schema: './node_modules/nx/schemas/nx-schema.json' }, null, 2)}\n`);
    workspace.write('.npmrc', registry.npmrc());
    workspace.write('.gitignore', 'node_modules\n.nx\n');
    registry.install(workspace.root);
    workspace.commit('an empty Nx workspace');
  }, 300_000);
  afterAll(async () => {
    workspace?.remove();
    await registry?.stop();
  });

  it('adds', () => {
    const add = workspace.nxWithEnv({ CI: 'true' }, 'add', 'nx-governance');
    console.log(add.code, add.output);
    workspace.commit('add');
    for (const args of [['run', 'governance:validate'], ['run', 'governance:gate'], ['run', 'governance:release-readiness'], ['run', 'governance:release-readiness', '--releaseVersion=0.1.0'], ['sync:check'], ['run', 'governance:rollback-check', '--candidate=HEAD', '--baseline=HEAD'], ['run', 'governance:cadence']]) {
      const r = workspace.nx(...args);
      console.log(args.join(' '), r.code, r.output.slice(-3000));
    }
    console.log(workspace.git('status', '--porcelain'));
  });
});
