import { servedFromCache, tasksExecuted, TestWorkspace } from '../helpers/workspace';
import { commandGate, nodeStep } from '../helpers/gate-fixtures';

/**
 * Issue 14: a gate run is Nx's own task graph. One `nx run` runs the gates of
 * a scope as the dependencies of an inferred aggregate target; a gate kept in
 * a file of its own is re-run alone when it is edited.
 */
const gate = (id: string, script: string) => ({
  $schema: '../../node_modules/nx-governance/schemas/gate.schema.json',
  ...commandGate(id, { steps: [nodeStep(script)], inputs: [] }),
});
const playbook = {
  roles: [{ id: 'qa', title: 'QA', owner: 'qa team' }],
  releaseClasses: [
    { id: 'R1', title: 'Small', gates: ['VG-A-001'] },
    { id: 'R2', title: 'Large', gates: ['VG-A-001', 'VG-B-001', 'VG-C-001'] },
  ],
  defaultReleaseClass: 'R2',
  preReleaseChecklist: [],
  goNoGo: [],
  rollbackTriggers: [{ id: 'functional', kind: 'functional', gates: ['VG-A-001'] }],
  rollbackProcedure: [{ step: 'Revert.', owner: 'qa' }],
};

describe('a gate run is one Nx task graph', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('governance/playbook.json', JSON.stringify(playbook, null, 2));
    for (const id of ['VG-A-001', 'VG-B-001', 'VG-C-001']) {
      workspace.write(`governance/gates/${id}.json`, JSON.stringify(gate(id, "console.log('1 passed, 0 failed')"), null, 2));
    }
    workspace.commit('gates in files of their own');
  });
  afterAll(() => workspace.remove());

  it('runs the default class as the aggregate\'s dependencies, in one nx process, and reports', () => {
    const run = workspace.nx('run', 'governance:gate', '--json=reports/run.json');
    expect(run.code).toBe(0);
    expect(run.output).toContain('Running target gate for project governance and 3 tasks it depends on');
    expect(tasksExecuted(run)).toEqual(['governance:VG-A-001', 'governance:VG-B-001', 'governance:VG-C-001', 'governance:gate']);
    expect(run.output).toContain('3 gate(s) of release class R2 (Large): VG-A-001, VG-B-001, VG-C-001');
    expect(run.output).toContain('All 3 required gate(s) passed.');
    const report = JSON.parse(workspace.read('reports/run.json'));
    expect(report.gates.map((g: { gate: string; origin: string }) => `${g.gate} ${g.origin}`)).toEqual(['VG-A-001 ran', 'VG-B-001 ran', 'VG-C-001 ran']);
  });

  it('restores every gate the second time, and the aggregate with them, judges them again, and says so', () => {
    workspace.delete('reports');
    const run = workspace.nx('run', 'governance:gate', '--json=reports/run.json');
    expect(run.code).toBe(0);
    // The aggregate is restored too; the post-run hook judged its gates again and wrote the report asked for.
    expect(tasksExecuted(run)).toEqual([]);
    expect(servedFromCache(run, 'governance:gate')).toBe(true);
    expect(JSON.parse(workspace.read('reports/run.json')).gates.every((g: { origin: string }) => g.origin === 'restored')).toBe(true);
  });

  it('re-runs only the gate whose own file was edited', () => {
    workspace.write('governance/gates/VG-B-001.json', JSON.stringify(gate('VG-B-001', "console.log('2 passed, 0 failed')"), null, 2));
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['governance:VG-B-001', 'governance:gate']);
    expect(servedFromCache(run, 'governance:VG-A-001')).toBe(true);
    expect(servedFromCache(run, 'governance:VG-C-001')).toBe(true);
  });

  it('runs another scope through its own target and refuses one outside the target\'s scope, naming the right target', () => {
    const small = workspace.nx('run', 'governance:gate-R1');
    expect(small.code).toBe(0);
    expect(small.output).toContain('1 gate(s) of release class R1 (Small): VG-A-001');
    const refused = workspace.nx('run', 'governance:gate-R1', '--releaseClass=R2');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('Run nx run governance:gate-R2 for release class R2 (Large).');
  });

  it('groups the inferred targets for nx show project', () => {
    const shown = JSON.parse(workspace.nx('show', 'project', 'governance', '--json').stdout);
    expect(shown.metadata.targetGroups).toMatchObject({
      'Gate runs: release classes': ['gate', 'gate-R1', 'gate-R2'],
      Gates: ['VG-A-001', 'VG-B-001', 'VG-C-001'],
    });
  });

  it('reports a failing gate with the summary and reports even though Nx skips the aggregate', () => {
    workspace.write('governance/gates/VG-C-001.json', JSON.stringify(gate('VG-C-001', "console.log('0 passed, 1 failed'); process.exit(1)"), null, 2));
    const run = workspace.nx('run', 'governance:gate', '--junit=reports/run.xml', '--json=reports/run.json');
    // 1, a failure: not Nx's 130 for a run that skipped a task, which CI systems show as "cancelled".
    expect(run.code).toBe(1);
    expect(run.output).toContain('1 blocking gate(s) did not pass: VG-C-001 (fail).');
    const report = JSON.parse(workspace.read('reports/run.json'));
    expect(report).toMatchObject({ passed: false });
    expect(workspace.read('reports/run.xml')).toContain('<testcase name="VG-C-001" classname="governance.blocking"');
  });
});
