import { readdirSync } from 'node:fs';
import { CORE_TEST_GATE, createJsCoreWorkspace } from '../helpers/js-core-workspace';
import { installNx, NX_23 } from '../helpers/nx-install';
import { servedFromCache, type TestWorkspace } from '../helpers/workspace';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The wiring the README shows under "With nx release". */
const RELEASE = {
  projects: ['@demo/core'],
  version: {
    preVersionCommand: 'npx nx run governance:gate',
    // The test workspace's node_modules is a shared install that npm must not touch.
    versionActionsOptions: { skipLockFileUpdate: true },
  },
};

/**
 * `nx release version` (nx 23 with @nx/js: nx 24's release packages are not
 * available here) with the gate as its pre-version command, then readiness
 * judging the version it wrote.
 */
describe('nx release with the gate as its pre-version command', () => {
  let workspace: TestWorkspace;
  const coreVersion = () => JSON.parse(workspace.read('packages/core/package.json')).version;
  const releaseVersion = () => workspace.nx('release', 'version', '1.2.3', '--dry-run=false', '--git-commit=false', '--git-tag=false');

  beforeAll(() => {
    workspace = createJsCoreWorkspace(installNx(NX_23));
    workspace.write('nx.json', json({ ...JSON.parse(workspace.read('nx.json')), release: RELEASE }));
    // What a release rolls back to, which readiness asks for: the release before this one, from the versions now.
    expect(workspace.nx('g', 'nx-governance:rollback-tuple', '--date=2026-01-15').code).toBe(0);
    const compatibility = JSON.parse(workspace.read('governance/compatibility.json'));
    expect(compatibility.releases).toEqual([{ version: '1.0.0', date: '2026-01-15' }]);
    expect(compatibility.tuples).toEqual([{ id: 'rollback', core: '1.0.0', consumers: { 'app-a': '0.1.0', 'app-b': '0.1.0' } }]);
    expect(workspace.nx('sync').code).toBe(0);
    workspace.commit('release with nx release');
  }, 300_000);
  afterAll(() => workspace?.remove());

  it('stops the release when a gate fails, leaving the version as it was', () => {
    workspace.edit('packages/core/src/index.js', 'Hello', 'Hi');
    workspace.commit('core: a shorter greeting');
    const run = releaseVersion();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('The pre-version command failed');
    expect(run.output).toContain(`1 blocking gate(s) did not pass: ${CORE_TEST_GATE} (fail).`);
    expect(coreVersion()).toBe('1.0.0');
    expect(JSON.parse(workspace.read(`evidence/gates/${CORE_TEST_GATE}/latest.json`)).record.result).toBe('fail');
    workspace.edit('packages/core/src/index.js', 'Hi', 'Hello');
    workspace.commit('core: the greeting back');
  });

  it('bumps the version when every gate passes', () => {
    const run = releaseVersion();
    expect(run.code).toBe(0);
    expect(run.output).toContain('Executing pre-version command');
    expect(run.output).toContain('New version 1.2.3 written to manifest: packages/core/package.json');
    expect(coreVersion()).toBe('1.2.3');
    expect(JSON.parse(workspace.read(`evidence/gates/${CORE_TEST_GATE}/latest.json`)).record.result).toBe('pass');
    workspace.commit('chore(release): 1.2.3');
  });

  it('judges the readiness of the version nx release wrote, after the consumers ran against it', () => {
    // The bump is a commit of the core, so the consumers' results from before it are not against the candidate.
    expect(workspace.nx('run-many', '-t', 'compat').code).toBe(0);
    expect(workspace.nx('sync').code).toBe(0);
    workspace.commit('compat results and the matrix for 1.2.3');
    const run = workspace.nx('run', 'governance:release-readiness');
    expect(run.output).toContain('Release readiness of 1.2.3');
    expect(run.output).toContain('Verdict: GO.');
    expect(run.code).toBe(0);
    expect(readdirSync(workspace.path('evidence/releases/1.2.3')).some((name) => name.endsWith('.json'))).toBe(true);
  });

  it('runs the next release as one target: refuses an uncommitted bump, then reaches GO, a restored compat result naming the candidate', () => {
    expect(workspace.nx('g', 'nx-governance:rollback-tuple').code).toBe(0);
    expect(JSON.parse(workspace.read('governance/compatibility.json')).tuples[0]).toMatchObject({ id: 'rollback', core: '1.2.3' });
    workspace.commit('roll back to 1.2.3');
    expect(workspace.nx('release', 'version', '1.3.0', '--dry-run=false', '--git-commit=false', '--git-tag=false').code).toBe(0);

    const uncommitted = workspace.nx('run', 'governance:release-candidate', '--commit');
    expect(uncommitted.code).toBe(1);
    expect(uncommitted.output).toContain('The candidate is not a commit yet: packages/core/package.json changed.');
    expect(uncommitted.output).toContain('Fix: git add -A && git commit -m "chore(release): 1.3.0"');

    // The consumers run against the bump before it is committed; once it is, Nx restores those results (same inputs).
    expect(workspace.nx('run-many', '-t', 'compat').code).toBe(0);
    const candidate = workspace.commit('chore(release): 1.3.0');
    const restored = workspace.nx('run-many', '-t', 'compat');
    expect(servedFromCache(restored, '@demo/app-a:compat')).toBe(true);
    expect(JSON.parse(workspace.read('evidence/compat/app-a/latest.json')).tuple.core).toMatchObject({ version: '1.3.0', commit: candidate, dirty: false });

    const run = workspace.nx('run', 'governance:release-candidate', '--commit');
    expect(run.output).toContain('Release readiness of 1.3.0');
    expect(run.output).toContain('Verdict: GO.');
    expect(run.code).toBe(0);
    expect(workspace.git('status', '--porcelain', '--', '.', ':(exclude)evidence')).toBe('');
  });
});
