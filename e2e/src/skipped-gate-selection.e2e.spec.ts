import { TestWorkspace } from '../helpers/workspace';
import { commandGate } from '../helpers/gate-fixtures';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const GATE = 'VG-LIB-TEST-001';

/**
 * Issue 18, case 7: when a gate's Nx target step fails, Nx skips the gate and
 * the post-run hook records its `fail`, however the command selected the gate
 * (by pattern, tag, exclusion, configuration, affected): the earlier `pass`
 * never stays latest.
 */
describe('a skipped gate is recorded whatever selected it', () => {
  let workspace: TestWorkspace;
  const latest = () => JSON.parse(workspace.read(`evidence/gates/${GATE}/latest.json`)).record;
  const records = () => workspace.files(`evidence/gates/${GATE}/records`).filter((f) => f.endsWith('.json')).length;
  const failing = (fail: boolean) => (fail ? workspace.write('lib/fail', 'yes\n') : workspace.delete('lib/fail'));

  /** Runs the command with the step failing: Nx fails, and a new `fail` record naming the step is latest. */
  const expectRecordedFail = (...args: string[]) => {
    failing(true);
    const before = records();
    const run = workspace.nx(...args);
    expect(run.code).not.toBe(0);
    expect(records()).toBe(before + 1);
    expect(latest()).toMatchObject({ result: 'fail' });
    expect(latest().notes.join('\n')).toContain('Nx target step lib:test failed');
    failing(false);
  };

  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', json({ core: { project: 'governance' } }));
    workspace.write('governance/gates.json', json({ gates: [commandGate(GATE, { steps: [{ target: 'lib:test' }], inputs: [] })] }));
    const test = { executor: 'nx:run-commands', options: { command: "node -e \"process.exit(require('fs').existsSync('lib/fail') ? 1 : 0)\"" }, configurations: { ci: {} } };
    workspace.write('lib/project.json', json({ name: 'lib', tags: ['scope:lib'], targets: { test } }));
    workspace.write('lib/README.md', 'a library\n');
    workspace.write('.gitignore', 'node_modules\n.nx\nlib/fail\n');
    workspace.commit('a gate with an Nx target step');
    const pass = workspace.nx('run', `governance:${GATE}`);
    expect(pass.code).toBe(0);
    expect(latest()).toMatchObject({ result: 'pass' });
  });
  afterAll(() => workspace.remove());

  it('selected by a project pattern', () => expectRecordedFail('run-many', '-t', GATE, '-p', 'gov*'));
  it('selected by a tag', () => expectRecordedFail('run-many', '-t', GATE, '-p', 'tag:governance'));
  it('selected with an exclusion', () => expectRecordedFail('run-many', '-t', GATE, '--projects=*,!lib'));
  it('selected with a configuration', () => expectRecordedFail('run-many', '-t', GATE, '--configuration=ci'));
  it('run without its task dependencies: the gate cannot pass on a step Nx did not run', () => {
    failing(true);
    // Inputs the gate has not passed with, so that Nx runs it rather than restoring the earlier pass.
    workspace.write('lib/README.md', 'a library, edited\n');
    const run = workspace.nx('run-many', '-t', GATE, '--exclude-task-dependencies');
    expect(run.code).not.toBe(0);
    expect(latest()).toMatchObject({ result: 'fail' });
    expect(latest().notes.join('\n')).toContain('Nx target step lib:test was not part of this run');
    failing(false);
  });
  it('through the aggregate: the summary judges the fail this run recorded as fail, not unknown', () => {
    failing(true);
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).not.toBe(0);
    expect(latest()).toMatchObject({ result: 'fail' });
    expect(run.output).toContain(`${GATE} (fail)`);
    failing(false);
  });
  it('selected by affected', () => {
    workspace.write('lib/README.md', 'a library, changed\n');
    workspace.commit('touch lib');
    expectRecordedFail('affected', '-t', GATE, '--base=HEAD~1', '--head=HEAD');
  });
});
