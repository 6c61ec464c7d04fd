import { LocalRegistry } from '../helpers/local-registry';
import { createTeamWorkspace, nxOk, TEAM_CORE_GATE } from '../helpers/team-workspace';
import type { TestWorkspace } from '../helpers/workspace';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Issue 20: the path a team lead walks, on a fresh workspace made with @nx/js generators: install
 * the packed plugin from a registry, `nx add`, declare the consumers and a gate on the core's real
 * tests with the generators, see a branch that breaks one consumer and the core's own test fail,
 * then release from main with `nx release` and release-candidate to GO. Each step asserts what the
 * user reads and the files written; a later step builds on the earlier ones, so they run in order.
 */
describe("a team's whole journey on a fresh @nx/js workspace", () => {
  let registry: LocalRegistry;
  let workspace: TestWorkspace;
  beforeAll(async () => {
    registry = await LocalRegistry.start();
    registry.publishPlugin();
    workspace = createTeamWorkspace(registry);
  }, 1_500_000);
  afterAll(async () => {
    workspace?.remove();
    await registry?.stop();
  });

  it('adds the plugin: init finds the core the consumers depend on', () => {
    const add = workspace.nxWithEnv({ CI: 'true' }, 'add', 'nx-governance');
    expect(add.code).toBe(0);
    expect(add.output).toContain('Core project: @demo/core (the library the other projects depend on: @demo/consumer-a, @demo/consumer-b).');
    expect(JSON.parse(workspace.read('governance/governance.json')).core).toEqual({ project: '@demo/core', path: 'packages/core' });
  });

  it('declares the consumers where they are and a gate on the core tests that the default gate run requires', () => {
    for (const consumer of ['consumer-a', 'consumer-b']) nxOk(workspace, 'g', 'nx-governance:consumer', consumer);
    expect(JSON.parse(workspace.read('packages/consumer-a/governance.consumer.json'))).toMatchObject({ name: 'consumer-a', project: '@demo/consumer-a' });
    const gate = nxOk(workspace, 'g', 'nx-governance:gate', TEAM_CORE_GATE, "--title=The core's tests pass", '--targets=@demo/core:test', '--minTests=2');
    expect(gate.output).toMatch(new RegExp(`${TEAM_CORE_GATE} is required by release class R\\d+ \\(governance/playbook.json\\), the class nx run governance:gate runs`));
    nxOk(workspace, 'g', 'nx-governance:rollback-tuple');
    expect(JSON.parse(workspace.read('governance/compatibility.json')).tuples).toEqual([{ id: 'rollback', core: '0.0.1', consumers: { 'consumer-a': '0.0.1', 'consumer-b': '0.0.1' } }]);
    nxOk(workspace, 'sync');
    expect(workspace.nx('run', 'governance:validate').output).not.toContain('required by no release class');
    const run = nxOk(workspace, 'run', 'governance:gate');
    expect(run.output).toMatch(/All 2 required gate\(s\) passed\./);
    nxOk(workspace, 'run-many', '-t', 'compat');
    nxOk(workspace, 'sync');
    workspace.commit('governance for the core and its consumers');
  });

  it('on a branch that breaks consumer-a and the core test: compat names the broken consumer, the gate fails', () => {
    workspace.git('checkout', '-q', '-b', 'shorter-greeting');
    workspace.edit('packages/core/src/index.js', 'Hello', 'Hi');
    workspace.commit('core: a shorter greeting');
    // Back to main whatever fails here, so the release case is judged on main and not on this branch.
    try {
      expectBranchBreaks();
    } finally {
      workspace.commit('the evidence of the broken branch');
      workspace.git('checkout', '-q', 'main');
    }
  });

  function expectBranchBreaks(): void {
    const compat = workspace.nx('affected', '-t', 'compat', '--base=main');
    expect(compat.code).not.toBe(0);
    expect(JSON.parse(workspace.read('evidence/compat/consumer-a/latest.json')).result).toBe('regressed');
    expect(JSON.parse(workspace.read('evidence/compat/consumer-b/latest.json')).result).toBe('pass');
    const gate = workspace.nx('run', 'governance:gate');
    expect(gate.code).not.toBe(0);
    expect(gate.output).toContain(`${TEAM_CORE_GATE} (fail)`);
    // The pull-request check: exactly the broken consumer and the failing gate are new failures against main.
    const report = workspace.nx('run', 'governance:report', '--base=main', '--output=reports/pr.md', '--json=reports/pr.json');
    expect(report.code).toBe(0);
    const newFailures = JSON.parse(workspace.read('reports/pr.json')).rows.filter((row: { change: string }) => row.change === 'new failure');
    expect(newFailures.map((row: { kind: string; id: string }) => `${row.kind} ${row.id}`).sort()).toEqual(['consumer consumer-a', `gate ${TEAM_CORE_GATE}`]);
    expect(workspace.read('reports/pr.md')).toContain('2 new failures');
  }

  it('back on main, releases with nx release and release-candidate to GO', () => {
    const release = { projects: ['@demo/core'], version: { preVersionCommand: 'npx nx run governance:gate', versionActionsOptions: { skipLockFileUpdate: true } } };
    workspace.write('nx.json', json({ ...JSON.parse(workspace.read('nx.json')), release }));
    workspace.commit('release the core with nx release');
    nxOk(workspace, 'release', 'version', '1.0.0', '--git-commit', '--git-tag=false');
    expect(JSON.parse(workspace.read('packages/core/package.json')).version).toBe('1.0.0');
    const candidate = workspace.nx('run', 'governance:release-candidate', '--commit');
    expect(candidate.output).toContain('Release readiness of 1.0.0');
    expect(candidate.output).toContain('Verdict: GO.');
    expect(candidate.code).toBe(0);
    // The release and the tuple it was validated with are recorded, so the matrix keeps its tier once results move on.
    expect(candidate.output).toContain('Recorded 1.0.0 in governance/compatibility.json: released, validated with consumer-a');
    const compatibility = JSON.parse(workspace.read('governance/compatibility.json'));
    expect(compatibility.releases).toEqual(expect.arrayContaining([expect.objectContaining({ version: '1.0.0' })]));
    expect(compatibility.tuples).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'release-1-0-0', core: '1.0.0', tier: 'supported' })]));
    const query = workspace.nx('run', 'governance:compat-query', '--core=1.0.0', '--consumer=consumer-a');
    expect([query.code, query.output]).toEqual([0, expect.stringMatching(/consumer-a .* with 1\.0\.0: supported/)]);
    // What the reviewer signs on is left to commit, and the command says so with what to run.
    expect(candidate.output).toMatch(/The release's evidence and records are not committed yet \(\d+ file\(s\), e\.g\. /);
    expect(candidate.output).toMatch(/Commit them with the release: git add .*evidence.* && git commit -m "chore\(release\): evidence for 1\.0\.0"/);
    workspace.commit('chore(release): evidence for 1.0.0');
    expect(workspace.git('status', '--porcelain')).toBe('');
  });
});
