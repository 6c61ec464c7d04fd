import { TestWorkspace } from '../helpers/workspace';

/** Issue 13: `nx run governance:report --base=<rev>` compares the evidence now with the base's committed evidence. */
const gate = (id: string, exitCode: number) => ({
  id,
  title: id,
  scope: 'e2e',
  owner: 'qa',
  kind: 'command',
  steps: [{ argv: ['node', '-e', `process.exit(${exitCode})`] }],
  inputs: [],
});

describe('governance:report', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }));
    workspace.write('governance/gates/VG-KEEP-001.json', JSON.stringify(gate('VG-KEEP-001', 0)));
    workspace.write('governance/gates/VG-BREAK-001.json', JSON.stringify(gate('VG-BREAK-001', 0)));
    workspace.write('governance/gates/VG-FIX-001.json', JSON.stringify(gate('VG-FIX-001', 1)));
    workspace.commit('gates');
    workspace.nx('run', 'governance:gate');
    workspace.commit('evidence of the base');
  });
  afterAll(() => workspace.remove());

  it('names new failures first, then fixes, with links to the evidence; reports as markdown, for the job summary and as JSON', () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.write('governance/gates/VG-BREAK-001.json', JSON.stringify(gate('VG-BREAK-001', 1)));
    workspace.write('governance/gates/VG-FIX-001.json', JSON.stringify(gate('VG-FIX-001', 0)));
    expect(workspace.nx('run', 'governance:gate').code).not.toBe(0);
    const summary = workspace.path('step-summary.md');
    workspace.write('step-summary.md', '# Earlier steps\n');
    // Whatever CI this test runs in: no provider, so links stay relative.
    const noProvider = { GITHUB_SERVER_URL: '', GITHUB_REPOSITORY: '', GITHUB_SHA: '', CI_PROJECT_URL: '', CI_COMMIT_SHA: '' };
    const run = workspace.nxWithEnv({ ...noProvider, GITHUB_STEP_SUMMARY: summary }, 'run', 'governance:report', `--base=${base}`, '--output=reports/pr.md', '--summary', '--json=reports/pr.json');
    expect(run.code).toBe(0);
    const markdown = workspace.read('reports/pr.md');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| gate'));
    expect(rows).toEqual([
      '| gate | VG-BREAK-001 | [fail](evidence/gates/VG-BREAK-001/latest.md) | pass | new failure |',
      '| gate | VG-FIX-001 | [pass](evidence/gates/VG-FIX-001/latest.md) | fail | fixed |',
      '| gate | VG-KEEP-001 | [pass](evidence/gates/VG-KEEP-001/latest.md) | pass | unchanged |',
    ]);
    expect(markdown).toContain('**1 new failure.**');
    expect(workspace.read('step-summary.md')).toBe(`# Earlier steps\n${markdown}`);
    expect(JSON.parse(workspace.read('reports/pr.json'))).toMatchObject({ kind: 'nx-governance/pr-report', newFailures: 1 });

    // In GitHub Actions: absolute links, to the file at the commit being built and at the base commit.
    const github = { GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'team/repo', GITHUB_SHA: 'c0ffee' };
    const inCi = workspace.nxWithEnv({ ...noProvider, ...github }, 'run', 'governance:report', `--base=${base}`, '--output=reports/pr-ci.md');
    expect(inCi.code).toBe(0);
    expect(workspace.read('reports/pr-ci.md').split('\n').find((line) => line.startsWith('| gate | VG-BREAK-001'))).toBe(
      `| gate | VG-BREAK-001 | [fail](https://github.example/team/repo/blob/c0ffee/evidence/gates/VG-BREAK-001/latest.md) | [pass](https://github.example/team/repo/blob/${base}/evidence/gates/VG-BREAK-001/latest.md) | new failure |`,
    );

    // --json alone: the same report on standard output, for the report and any other judging command.
    const jsonOnStdout = (result: { code: number; stdout: string }) => {
      expect(result.code).toBe(0);
      return JSON.parse(/^\{\n[\s\S]*?\n\}$/m.exec(result.stdout)?.[0] ?? 'no JSON document on stdout');
    };
    expect(jsonOnStdout(workspace.nxWithEnv(noProvider, 'run', 'governance:report', `--base=${base}`, '--output=reports/pr.md', '--json'))).toEqual(JSON.parse(workspace.read('reports/pr.json')));
    expect(jsonOnStdout(workspace.nx('run', 'governance:validate', '--json', '--skip-nx-cache'))).toMatchObject({ kind: 'nx-governance/validate', valid: true });
  });

  it('fails, naming the fix, when git does not know the base', () => {
    const run = workspace.nx('run', 'governance:report', '--base=no-such-branch');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('git does not know the revision no-such-branch');
  });
});
