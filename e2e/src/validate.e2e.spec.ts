import { servedFromCache, TestWorkspace } from '../helpers/workspace';

describe('governance:validate with the real nx binary', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  it('infers the governance project and its targets', () => {
    const shown = workspace.nx('show', 'project', 'governance', '--json');
    expect(shown.code).toBe(0);
    const project = JSON.parse(shown.stdout);
    expect(project.name).toBe('governance');
    expect(project.root).toBe('governance');
    expect(Object.keys(project.targets).sort()).toEqual([
      'VG-COMPAT-001',
      'VG-CONTRACT-001',
      'VG-GOVERNANCE-001',
      'VG-LOOP-BUILD-001',
      'VG-LOOP-CONTRACT-001',
      'VG-LOOP-PERF-001',
      'VG-LOOP-TEST-001',
      'attest',
      'cadence',
      'compat-query',
      'compat-run',
      'gate',
      'gate-M6',
      'gate-M6-T01',
      'gate-M6-T02',
      'gate-M6-T03',
      'gate-R0',
      'gate-R1',
      'gate-R2',
      'gate-R3',
      'page',
      'prune-evidence',
      'release-candidate',
      'release-readiness',
      'report',
      'rollback-check',
      'validate',
      'verify-evidence',
    ]);
    expect(project.targets.validate).toMatchObject({ executor: 'nx-governance:validate', cache: true });
    expect(project.targets['gate-R0'].dependsOn).toEqual([{ target: 'VG-GOVERNANCE-001', params: 'ignore' }]);
  });

  it('passes on the bundled data, and is restored while nothing it reads has changed', () => {
    const first = workspace.nx('run', 'governance:validate');
    expect(first.code).toBe(0);
    expect(first.output).toContain('Governance is valid: 1 milestone(s), 3 task card(s), 7 gate(s).');
    const second = workspace.nx('run', 'governance:validate');
    expect(second.code).toBe(0);
    expect(servedFromCache(second, 'governance:validate')).toBe(true);
    expect(second.output).toContain('Governance is valid');
  });

  it('writes its JSON report on a restored run too', () => {
    const first = workspace.nx('run', 'governance:validate', '--json=reports/validate.json');
    expect(first.code).toBe(0);
    const report = workspace.read('reports/validate.json');
    expect(JSON.parse(report)).toMatchObject({ kind: 'nx-governance/validate', valid: true, errors: [] });
    workspace.delete('reports/validate.json');
    const second = workspace.nx('run', 'governance:validate', '--json=reports/validate.json');
    expect(second.code).toBe(0);
    expect(servedFromCache(second, 'governance:validate')).toBe(true);
    expect(workspace.read('reports/validate.json')).toBe(report);
  });

  it('runs again, and fails, when a project a target step names loses that target: a restored "valid" would be stale', () => {
    const gates = workspace.read('governance/gates.json');
    const lib = { name: 'tools-lib', targets: { lint: { executor: 'nx:noop' } } };
    const withStep = JSON.parse(gates);
    withStep.gates.push({ id: 'VG-LINT-001', title: 'Lint', scope: 'tools', owner: withStep.gates[0].owner, kind: 'command', inputs: [], steps: [{ target: 'tools-lib:lint' }] });
    workspace.write('tools-lib/project.json', JSON.stringify(lib, null, 2));
    workspace.write('governance/gates.json', JSON.stringify(withStep, null, 2));
    try {
      expect(workspace.nx('run', 'governance:validate').code).toBe(0);
      expect(servedFromCache(workspace.nx('run', 'governance:validate'), 'governance:validate')).toBe(true);
      workspace.write('tools-lib/project.json', JSON.stringify({ name: 'tools-lib', targets: {} }, null, 2));
      const stale = workspace.nx('run', 'governance:validate');
      expect(stale.code).not.toBe(0);
      expect(servedFromCache(stale, 'governance:validate')).toBe(false);
      expect(stale.output).toContain('project tools-lib has no target "lint"');
    } finally {
      workspace.write('governance/gates.json', gates);
      workspace.delete('tools-lib');
    }
  });

  it('fails after a bad edit, naming the file, line and field', () => {
    const gates = workspace.read('governance/gates.json');
    workspace.write('governance/gates.json', gates.replace('"kind": "manual"', '"kind": "checklist"'));
    try {
      const result = workspace.nx('run', 'governance:validate');
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('governance/gates.json:8: gates[0].kind: found "checklist", expected kind "command" or "manual"');
      expect(servedFromCache(result, 'governance:validate')).toBe(false);
    } finally {
      workspace.write('governance/gates.json', gates);
    }
  });

  it('runs validate as part of the governance gate of release class R0', () => {
    const result = workspace.nx('run', 'governance:gate-R0');
    expect(result.code).toBe(0);
    expect(result.output).toContain('governance:validate');
    expect(result.output).toMatch(/VG-GOVERNANCE-001\s+pass/);
  });
});
