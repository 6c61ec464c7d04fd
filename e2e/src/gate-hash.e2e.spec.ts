import { chmodSync } from 'node:fs';
import { delimiter } from 'node:path';
import { servedFromCache, tasksExecuted, TestWorkspace } from '../helpers/workspace';
import { commandGate, nodeStep, ONE_PASSED } from '../helpers/gate-fixtures';

/**
 * What a gate's task hash rests on: its own definition (issue 22: editing one
 * gate in gates.json re-runs that gate alone, not its neighbours) and the
 * version of each program its steps run (issue 18, case 6: another toolchain
 * on PATH is another hash, so no cache serves one to the other).
 */
const ids = ['VG-A-001', 'VG-B-001', 'VG-C-001'];
const tool = (id: string) =>
  commandGate(id, {
    steps: [{ name: 'cargo test', argv: ['cargo', 'test'], version: ['cargo', '--version'] }],
    inputs: [],
  });
const plain = (id: string, script = ONE_PASSED) => commandGate(id, { steps: [nodeStep(script)], inputs: [] });
const playbook = {
  roles: [{ id: 'qa', title: 'QA', owner: 'qa team' }],
  releaseClasses: [{ id: 'R1', title: 'All', gates: [...ids, 'VG-TOOL-001'] }],
  defaultReleaseClass: 'R1',
  preReleaseChecklist: [],
  goNoGo: [],
  rollbackTriggers: [{ id: 'functional', kind: 'functional', gates: ['VG-A-001'] }],
  rollbackProcedure: [{ step: 'Revert.', owner: 'qa' }],
};

/** A stand-in `cargo` that says it is `version` and prints a passing test summary. */
function fakeCargo(workspace: TestWorkspace, folder: string, version: string): string {
  const file = `${folder}/cargo`;
  workspace.write(
    file,
    `#!/usr/bin/env node\nif (process.argv[2] === '--version') console.log('cargo ${version} (stand-in)');\nelse console.log('test result: ok. 1 passed; 0 failed; 0 ignored');\n`,
  );
  chmodSync(workspace.path(file), 0o755);
  return workspace.path(folder);
}

describe('a gate task hash rests on its own definition and the programs it runs', () => {
  let workspace: TestWorkspace;
  const gates = (edited: Record<string, object> = {}) => [...ids.map((id) => edited[id] ?? plain(id)), tool('VG-TOOL-001')];
  let cargo177: string;
  let cargo199: string;
  const withCargo = (bin: string) => ({ PATH: `${bin}${delimiter}${process.env.PATH}` });
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('governance/playbook.json', JSON.stringify(playbook, null, 2));
    workspace.write('governance/gates.json', JSON.stringify({ gates: gates() }, null, 2));
    workspace.write('.gitignore', 'node_modules\n.nx\ntools-1.77\ntools-1.99\n');
    cargo177 = fakeCargo(workspace, 'tools-1.77', '1.77.0');
    cargo199 = fakeCargo(workspace, 'tools-1.99', '1.99.0');
    workspace.commit('gates in gates.json');
  });
  afterAll(() => workspace.remove());

  it('re-runs only the gate edited in gates.json', () => {
    expect(workspace.nxWithEnv(withCargo(cargo177), 'run', 'governance:gate').code).toBe(0);
    workspace.write('governance/gates.json', JSON.stringify({ gates: gates({ 'VG-B-001': plain('VG-B-001', "console.log('2 passed, 0 failed')") }) }, null, 2));
    const run = workspace.nxWithEnv(withCargo(cargo177), 'run', 'governance:gate');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['governance:VG-B-001', 'governance:gate']);
    expect(servedFromCache(run, 'governance:VG-A-001')).toBe(true);
    expect(servedFromCache(run, 'governance:VG-C-001')).toBe(true);
  });

  it('runs a gate again when a program its steps run reports another version, and records it', () => {
    const same = workspace.nxWithEnv(withCargo(cargo177), 'run', 'governance:VG-TOOL-001');
    expect(same.code).toBe(0);
    expect(servedFromCache(same, 'governance:VG-TOOL-001')).toBe(true);
    const other = workspace.nxWithEnv(withCargo(cargo199), 'run', 'governance:VG-TOOL-001');
    expect(other.code).toBe(0);
    expect(tasksExecuted(other)).toEqual(['governance:VG-TOOL-001']);
    const record = JSON.parse(workspace.read('evidence/gates/VG-TOOL-001/latest.json'));
    expect(JSON.stringify(record)).toContain('cargo 1.99.0 (stand-in)');
  });
});
