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
    const run = workspace.nxWithEnv({ GITHUB_STEP_SUMMARY: summary }, 'run', 'governance:report', `--base=${base}`, '--output=reports/pr.md', '--summary', '--json=reports/pr.json');
    expect(run.code).toBe(0);
    const markdown = workspace.read('reports/pr.md');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| gate'));
    expect(rows).toEqual([
      '| gate | VG-BREAK-001 | [fail](evidence/gates/VG-BREAK-001/latest.md) | [pass](evidence/gates/VG-BREAK-001/latest.md) | new failure |',
      '| gate | VG-FIX-001 | [pass](evidence/gates/VG-FIX-001/latest.md) | [fail](evidence/gates/VG-FIX-001/latest.md) | fixed |',
      '| gate | VG-KEEP-001 | [pass](evidence/gates/VG-KEEP-001/latest.md) | [pass](evidence/gates/VG-KEEP-001/latest.md) | unchanged |',
    ]);
    expect(markdown).toContain('**1 new failure(s).**');
    expect(workspace.read('step-summary.md')).toBe(`# Earlier steps\n${markdown}`);
    expect(JSON.parse(workspace.read('reports/pr.json'))).toMatchObject({ kind: 'nx-governance/pr-report', newFailures: 1 });
  });

  it('fails, naming the fix, when git does not know the base', () => {
    const run = workspace.nx('run', 'governance:report', '--base=no-such-branch');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('git does not know the revision no-such-branch');
  });
});
