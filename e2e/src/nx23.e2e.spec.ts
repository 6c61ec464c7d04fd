import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CORE_TEST_GATE, createJsCoreWorkspace } from '../helpers/js-core-workspace';
import { installNx, NX_23, type NxInstall } from '../helpers/nx-install';
import { servedFromCache, tasksExecuted, tasksInRun, type TestWorkspace, withoutNxSettings } from '../helpers/workspace';

/**
 * The core cases on the other Nx major the peer range claims, with the packed
 * plugin installed from its tarball next to nx 23 (as a user gets it).
 */
describe('on nx 23', () => {
  let install: NxInstall;
  let workspace: TestWorkspace;
  const latestGate = () => JSON.parse(workspace.read(`evidence/gates/${CORE_TEST_GATE}/latest.json`));

  beforeAll(() => {
    install = installNx(NX_23);
    workspace = createJsCoreWorkspace(install);
  }, 300_000);
  afterAll(() => workspace?.remove());

  it('runs nx 23, which infers the governance project with its gate targets', () => {
    expect(workspace.nx('--version').output).toContain('v23.3.1');
    const shown = workspace.nx('show', 'project', 'governance', '--json');
    expect(shown.code).toBe(0);
    const targets = Object.keys(JSON.parse(shown.stdout).targets);
    expect(targets).toEqual(expect.arrayContaining(['validate', 'gate', 'VG-GOVERNANCE-001', CORE_TEST_GATE, 'release-readiness']));
    expect(workspace.nx('run', 'governance:validate').output).toContain('Governance is valid');
  });

  it('passes the gate, then restores it from the cache', () => {
    const first = workspace.nx('run', 'governance:gate');
    expect(first.code).toBe(0);
    expect(first.output).toContain('All 2 required gate(s) passed.');
    expect(latestGate().record).toMatchObject({ result: 'pass', tools: { nx: '23.3.1' } });
    const second = workspace.nx('run', 'governance:gate');
    expect(second.code).toBe(0);
    expect(servedFromCache(second, `governance:${CORE_TEST_GATE}`)).toBe(true);
  });

  it("computes the gate's task hash as nx 23 does, through nx-internals", () => {
    const hashes = runPlugin(workspace, `return require(plugin + '/executors/nx-task-hash.js').currentTaskHashes('governance', [${JSON.stringify(CORE_TEST_GATE)}]);`);
    expect(hashes).toEqual({ [CORE_TEST_GATE]: latestGate().record.taskHash });
  });

  it("falls back where Nx documents its data when nx 23's private module is missing, and names a missing hasher", () => {
    const blocked = (module: string, body: string, env: NodeJS.ProcessEnv = {}) => runPlugin(workspace, body, { module, env });
    expect(blocked('nx/src/utils/cache-directory', "return require(plugin + '/nx-internals.js').nxWorkspaceDataDirectory(process.cwd());", { NX_WORKSPACE_DATA_DIRECTORY: 'nx-data' })).toBe(join(workspace.root, 'nx-data'));
    expect(blocked('nx/src/hasher/hash-task', "try { require(plugin + '/nx-internals.js').nxTaskHashing(); return 'loaded'; } catch (e) { return e.message; }")).toContain(
      'This Nx version has no hashTask in nx/src/hasher/hash-task',
    );
  });

  it('fails a broken gate with a fail record and a non-zero exit', () => {
    workspace.edit('packages/core/src/index.js', 'Hello', 'Hi');
    workspace.commit('core: a shorter greeting');
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`1 blocking gate(s) did not pass: ${CORE_TEST_GATE} (fail).`);
    expect(latestGate().record).toMatchObject({ result: 'fail' });
    workspace.edit('packages/core/src/index.js', 'Hi', 'Hello');
    workspace.commit('core: the greeting back');
  });

  it('runs compat for exactly the consumer a change reaches', () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('packages/app-b/test/index.test.js', "'ada'", "'bob'");
    workspace.edit('packages/app-b/test/index.test.js', '"ADA"', '"BOB"');
    workspace.commit('app-b: another name');
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).toBe(0);
    expect(tasksInRun(run)).toEqual(['@demo/app-b:compat']);
    expect(tasksExecuted(run)).toEqual(['@demo/app-b:compat']);
    expect(JSON.parse(workspace.read('evidence/compat/app-b/latest.json'))).toMatchObject({ result: 'pass' });
  });
});

/**
 * The built plugin's `body` (a function body; `plugin` is its dist folder) run
 * by node in the workspace, so `nx/src/...` resolves to the workspace's Nx; with
 * `module` made unresolvable, as a later Nx that moved it would have it.
 */
function runPlugin(workspace: TestWorkspace, body: string, options: { module?: string; env?: NodeJS.ProcessEnv } = {}): unknown {
  const script = [
    "const Module = require('node:module');",
    'const resolve = Module._resolveFilename;',
    `const blocked = ${JSON.stringify(options.module ?? null)};`,
    "Module._resolveFilename = function (request, ...rest) { if (request === blocked) throw Object.assign(new Error(`Cannot find module '${request}'`), { code: 'MODULE_NOT_FOUND' }); return resolve.call(this, request, ...rest); };",
    `const plugin = ${JSON.stringify(join(workspace.install.nodeModules, 'nx-governance', 'dist'))};`,
    `Promise.resolve((() => { ${body} })()).then((value) => process.stdout.write('\\n' + JSON.stringify(value)), (error) => { console.error(error); process.exit(1); });`,
  ].join('\n');
  const result = spawnSync(process.execPath, ['-e', script], { cwd: workspace.root, encoding: 'utf8', env: { ...withoutNxSettings(process.env), ...workspace.nxEnv(), ...options.env } });
  if (result.status !== 0) throw new Error(`node failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? 'null');
}
