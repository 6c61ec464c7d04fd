import { TestWorkspace } from '../helpers/workspace';

/**
 * Issue 13: `nx g nx-governance:init --ci=github` writes a workflow; every
 * command it runs after `npm ci` (which the linked node_modules stand for)
 * runs here, in order, with the base that nrwl/nx-set-shas would set.
 */
describe('the CI recipe init writes', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  it('runs each command of the generated workflow, and the evidence policy keeps history out of git', () => {
    const init = workspace.nx('g', 'nx-governance:init', '--ci=github', '--no-interactive');
    expect(init.code).toBe(0);
    const workflow = workspace.read('.github/workflows/governance.yml');
    expect(workspace.read('.gitignore')).toContain('evidence/gates/*/records/');
    const base = workspace.commit('init --ci=github');
    workspace.edit('vendor/loop-agent/pyproject.toml', 'version = "', 'version = "0');
    const head = workspace.commit('a consumer change');
    const summary = workspace.path('step-summary.md');
    const env = { NX_BASE: base, NX_HEAD: head, GITHUB_STEP_SUMMARY: summary };
    const commands = [...workflow.matchAll(/^\s+- run: (.*)$/gm)].map((m) => m[1]).filter((command) => command !== 'npm ci');
    expect(commands).toHaveLength(4);
    for (const command of commands) {
      const [npx, nx, ...args] = command.split(' ');
      expect(`${npx} ${nx}`).toBe('npx nx');
      const run = workspace.nxWithEnv(env, ...args);
      expect({ command, code: run.code, tail: run.code ? run.output.slice(-2000) : '' }).toEqual({ command, code: 0, tail: '' });
    }
    expect(workspace.read('reports/governance-junit.xml')).toContain('<testsuites');
    expect(workspace.read('step-summary.md')).toContain('## Governance: this change against');
    // History stays local: git sees the latest records, not the chains and logs behind them.
    const untracked = workspace.git('status', '--porcelain', '--untracked-files=all');
    expect(untracked).toContain('evidence/gates/VG-LOOP-TEST-001/latest.json');
    expect(untracked).not.toContain('/records/');
    expect(untracked).not.toContain('/logs/');
  });
});
