import { readdirSync } from 'node:fs';
import { TestWorkspace } from '../helpers/workspace';

/**
 * A team whose ids are GATE-…, REL-<n> and REL-<n>.<m> (governance.json `ids`)
 * adds a gate, a milestone and a card through the generators, validates, and
 * runs the milestone's gates, all through the real nx binary.
 */
describe('configured id patterns through the real nx binary', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('core/project.json', JSON.stringify({ name: 'core' }));
    workspace.write(
      'governance/governance.json',
      `${JSON.stringify({ $schema: '../node_modules/nx-governance/schemas/governance.schema.json', core: { project: 'core' }, ids: { gate: '^GATE-[A-Z0-9-]+$', milestone: '^REL-\\d+$', task: '^(?<milestone>REL-\\d+)\\.\\d+$' } }, null, 2)}\n`,
    );
    workspace.write('governance/gates.json', '{ "$schema": "../node_modules/nx-governance/schemas/gates.schema.json", "gates": [] }\n');
    workspace.commit('governance with its own id forms');
  });
  afterAll(() => workspace.remove());

  it('adds a GATE- gate, a REL-3 milestone and its card REL-3.1, and refuses ids of the default forms with the pattern', () => {
    expect(workspace.nx('g', 'nx-governance:gate', '--id=GATE-BUILD-1', '--title=Builds', '--argv=["node","-e","0"]', '--inputs=').code).toBe(0);
    const oldGate = workspace.nx('g', 'nx-governance:gate', '--id=VG-BUILD-001', '--title=Builds', '--argv=["node","-e","0"]');
    expect(oldGate.code).not.toBe(0);
    expect(oldGate.output).toContain('--id: found "VG-BUILD-001", expected a gate id: an id matching ^GATE-[A-Z0-9-]+$ (ids.gate in governance/governance.json)');

    const noId = workspace.nx('g', 'nx-governance:milestone', '--title=First release');
    expect(noId.code).not.toBe(0);
    expect(noId.output).toContain('cannot tell the next milestone id when there is none yet, expected one given with --id: an id matching ^REL-\\d+$');
    expect(workspace.nx('g', 'nx-governance:milestone', '--id=REL-3', '--title=First release').code).toBe(0);
    expect(workspace.nx('g', 'nx-governance:task-card', '--milestone=REL-3', '--title=Build it', '--gates=GATE-BUILD-1').code).toBe(0);
    expect(workspace.read('governance/milestones/REL-3.md')).toContain('### REL-3.1 Build it');

    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.code).toBe(0);
    expect(validate.output).toContain('Governance is valid: 1 milestone(s), 1 task card(s), 1 gate(s).');
  });

  it('runs gate-REL-3 and files the card\'s evidence under milestone-REL-3', () => {
    workspace.commit('a gate, a milestone and a card');
    const run = workspace.nx('run', 'governance:gate-REL-3');
    expect(run.code).toBe(0);
    expect(run.output).toContain('GATE-BUILD-1');
    const [date] = readdirSync(workspace.path('evidence')).filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name));
    expect(readdirSync(workspace.path(`evidence/${date}/milestone-REL-3`)).sort()).toEqual(['REL-3.1-GATE-BUILD-1.json', 'REL-3.1-GATE-BUILD-1.md']);
    expect(workspace.nx('run', 'governance:gate-REL-3.1').code).toBe(0);
  });
});
