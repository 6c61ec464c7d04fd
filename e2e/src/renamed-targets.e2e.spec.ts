import { createJsCoreWorkspace, CORE_TEST_GATE } from '../helpers/js-core-workspace';
import type { TestWorkspace } from '../helpers/workspace';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Issue 18, case 8: the plugin's options rename its targets, and every place
 * that names one honours them: readiness runs the renamed aggregate, and the
 * post-run hook tells a consumer's own build (under its renamed name) from
 * the core's.
 */
describe('targets renamed by the plugin options', () => {
  let workspace: TestWorkspace;
  const latestCompat = (consumer: string) => JSON.parse(workspace.read(`evidence/compat/${consumer}/latest.json`));

  beforeAll(() => {
    workspace = createJsCoreWorkspace();
    const nxJson = JSON.parse(workspace.read('nx.json'));
    const plugins = [{ plugin: 'nx-governance', options: { gateTargetName: 'check', buildTargetName: 'compile' } }];
    workspace.write('nx.json', json({ ...nxJson, plugins }));
    // app-a has a build of its own under the renamed name, and it fails.
    const manifest = JSON.parse(workspace.read('packages/app-a/package.json'));
    workspace.write('packages/app-a/package.json', json({ ...manifest, scripts: { ...manifest.scripts, compile: 'node -e "process.exit(3)"' } }));
    workspace.commit('renamed targets; app-a does not compile');
  });
  afterAll(() => workspace.remove());

  it('release-readiness --runMissing runs the renamed aggregate of the class', () => {
    const shown = JSON.parse(workspace.nx('show', 'project', 'governance', '--json').stdout);
    expect(Object.keys(shown.targets)).toEqual(expect.arrayContaining(['check', CORE_TEST_GATE]));
    const run = workspace.nx('run', 'governance:release-readiness', '--runMissing', '--releaseVersion=1.0.0');
    expect(run.output).not.toMatch(/Cannot find configuration for task governance:gate-/);
    expect(workspace.exists(`evidence/gates/${CORE_TEST_GATE}/latest.json`)).toBe(true);
  });

  it("files a consumer whose own build (renamed) fails as fail, not spurious", () => {
    const run = workspace.nx('run', '@demo/app-a:compat');
    expect(run.code).not.toBe(0);
    // `fail`, or `still-failing` when the readiness run above already filed its first failure.
    expect(['fail', 'still-failing']).toContain(latestCompat('app-a').result);
    expect(latestCompat('app-a').reason).toContain('@demo/app-a:compile failed (exit');
  });
});
