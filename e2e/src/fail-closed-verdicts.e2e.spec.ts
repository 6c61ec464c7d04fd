import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { servedFromCache, TestWorkspace } from '../helpers/workspace';
import { commandGate } from '../helpers/gate-fixtures';

const node = (script: string) => ['node', '-e', script];
const gate = commandGate;
const junit = (tests: number) => `<?xml version="1.0"?>\n<testsuites><testsuite name="old" tests="${tests}" failures="0" errors="0" skipped="0"></testsuite></testsuites>\n`;

const GATES = [
  gate('VG-OK-001', { steps: [{ argv: node("console.log('3 passed, 0 failed')") }], passCriteria: { minTests: { count: 1 } } }),
  gate('VG-MIXED-001', { steps: [{ argv: node("console.log('3 passed, 8 failed')") }], passCriteria: { minTests: { count: 10 } } }),
  // The step writes no report: the file on disk is the one an earlier run left.
  gate('VG-STALE-001', { steps: [{ argv: node("console.log('no report this time')") }], passCriteria: { minTests: { count: 10, junit: 'reports/junit.xml' } } }),
  gate('VG-JEST-001', {
    steps: [{ argv: ['node', 'node_modules/jest/bin/jest.js', '--ci', '--rootDir', 'jest-suite', '--config', '{"transform":{}}'], env: { FORCE_COLOR: '1' } }],
    passCriteria: { minTests: { count: 3 } },
  }),
  gate('VG-NXSTEP-001', { steps: [{ target: 'unit:test' }], inputs: [], passCriteria: { minTests: { count: 2 } } }),
  gate('VG-NXJUNIT-001', { steps: [{ target: 'unit:junit' }], inputs: [], passCriteria: { minTests: { count: 2, junit: 'reports/unit.xml' } } }),
];

const PLAYBOOK = {
  roles: [{ id: 'qa', title: 'Quality', owner: 'qa team' }],
  releaseClasses: [{ id: 'R0', title: 'Everything', gates: ['VG-OK-001'] }],
  defaultReleaseClass: 'R0',
  preReleaseChecklist: [],
  goNoGo: [],
  rollbackTriggers: [],
  rollbackProcedure: [{ step: 'Redeploy the previous tag.', owner: 'qa' }],
};

/**
 * Issue 10, cases 7 to 9: a test count means tests passed, no trigger is no
 * all-clear, and a git that cannot answer is no clean tree. A small synthetic
 * workspace with real jest, node --test and git.
 */
describe('fail closed: verdicts', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('governance/gates.json', JSON.stringify({ gates: GATES }, null, 2));
    workspace.write('governance/playbook.json', JSON.stringify(PLAYBOOK, null, 2));
    for (const name of ['adds', 'subtracts', 'multiplies']) {
      workspace.write(`jest-suite/${name}.test.js`, `test('${name}', () => { expect(2 + 2).toBe(4); });\n`);
    }
    const junit = { executor: 'nx:run-commands', cache: true, inputs: ['{projectRoot}/**/*'], outputs: ['{workspaceRoot}/reports/unit.xml'], options: { commands: ['mkdir -p reports', 'node --test --test-reporter=junit --test-reporter-destination=reports/unit.xml unit/'], parallel: false } };
    workspace.write('unit/project.json', JSON.stringify({ name: 'unit', targets: { test: { executor: 'nx:run-commands', cache: true, inputs: ['{projectRoot}/**/*'], options: { command: 'node --test unit/' } }, junit } }));
    workspace.write('unit/math.test.js', "const { test } = require('node:test');\ntest('one', () => {});\ntest('two', () => {});\n");
    workspace.commit('synthetic gates');
  });
  afterAll(() => workspace.remove());

  const latest = (id: string) => JSON.parse(workspace.read(`evidence/gates/${id}/latest.json`)).record;

  it('7. "3 passed, 8 failed" with exit 0 does not satisfy minTests 10', () => {
    const run = workspace.nx('run', 'governance:VG-MIXED-001', '--skip-nx-cache');
    expect(run.code).not.toBe(0);
    expect(latest('VG-MIXED-001').result).toBe('fail');
    expect(latest('VG-MIXED-001').notes.join('\n')).toContain('8 failed');
  });

  it('7. a JUnit report left by an earlier run does not count', () => {
    workspace.write('reports/junit.xml', junit(25));
    const run = workspace.nx('run', 'governance:VG-STALE-001', '--skip-nx-cache');
    expect(run.code).not.toBe(0);
    expect(latest('VG-STALE-001').result).toBe('fail');
    expect(latest('VG-STALE-001').notes.join('\n')).toContain('no step of this run wrote reports/junit.xml');
  });

  it('18.5. a JUnit report dated in the future, which no step of this run wrote, does not count', () => {
    workspace.write('reports/junit.xml', junit(25));
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000);
    utimesSync(workspace.path('reports/junit.xml'), tomorrow, tomorrow);
    const run = workspace.nx('run', 'governance:VG-STALE-001', '--skip-nx-cache');
    expect(run.code).not.toBe(0);
    expect(latest('VG-STALE-001').result).toBe('fail');
    expect(latest('VG-STALE-001').notes.join('\n')).toContain('no step of this run wrote reports/junit.xml');
  });

  it('7. real jest printing colour codes is counted', () => {
    const run = workspace.nx('run', 'governance:VG-JEST-001', '--skip-nx-cache');
    expect(run.code).toBe(0);
    expect(latest('VG-JEST-001').tests).toEqual({ passed: 3, failed: 0, skipped: 0, source: 'jest' });
  });

  it.each([
    ['the tests that step ran', 'VG-NXSTEP-001', 'unit:test', 'node --test', 'from the runner summary'],
    // The report in the workspace is older than the gate: only the copy Nx stored for the step's hash can count.
    ['the JUnit report that step wrote', 'VG-NXJUNIT-001', 'unit:junit', 'junit', 'from JUnit report reports/unit.xml as Nx stored it for unit:junit'],
  ])('7. a gate over an Nx target step counts %s, also when Nx restores the step from the cache', (_what, id, step, source, where) => {
    for (const restored of [false, true]) {
      // Only the gate's definition changes, so the gate runs again and its step comes from the cache.
      if (restored) workspace.write('governance/gates.json', JSON.stringify({ gates: GATES.map((g) => (g.id === id ? { ...g, title: 'renamed' } : g)) }, null, 2));
      const run = workspace.nx('run', `governance:${id}`);
      expect(run.code).toBe(0);
      expect(servedFromCache(run, step)).toBe(restored);
      expect(latest(id).tests).toEqual({ passed: 2, failed: 0, skipped: 0, source });
      expect(latest(id).criteria[0].detail).toContain(where);
    }
    workspace.git('checkout', '--', 'governance/gates.json');
  });

  it('8. rollback-check with no trigger defined is inconclusive and fails', () => {
    const run = workspace.nx('run', 'governance:rollback-check', '--baseline=HEAD');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/inconclusive/i);
    expect(run.output).not.toContain('No trigger fired');
  });

  it('9. when git cannot say whether the tree is clean, --requireClean refuses and the record says dirty "unknown"', () => {
    const brokenGit = { GIT_DIR: join(workspace.root, 'no-such-git-dir') };
    const refused = workspace.nxWithEnv(brokenGit, 'run', 'governance:gate', '--requireClean', '--skip-nx-cache');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toMatch(/git/i);
    expect(refused.output).toContain('--requireClean');
    const run = workspace.nxWithEnv(brokenGit, 'run', 'governance:VG-OK-001', '--skip-nx-cache');
    expect(run.code).toBe(0);
    expect(latest('VG-OK-001').git.dirty).toBe('unknown');
  });
});
