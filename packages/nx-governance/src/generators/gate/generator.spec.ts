import { logger, type Tree } from '@nx/devkit';
import { treeWithBundledGovernance } from '../../test-helpers/tree';
import gateGenerator from './generator';

describe('gate generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = treeWithBundledGovernance()));
  const gates = () => JSON.parse(tree.read('governance/gates.json', 'utf8')!).gates;

  it('adds a command gate with Nx target steps and an argv step', async () => {
    await gateGenerator(tree, { id: 'VG-LOOP-DOC-001', title: 'Docs build', targets: 'loop:build', argv: '["cargo","doc","--offline"]', cwd: 'loop', minTests: 1 });
    expect(gates().at(-1)).toEqual({
      id: 'VG-LOOP-DOC-001',
      title: 'Docs build',
      scope: 'Docs build',
      kind: 'command',
      enforcement: 'blocking',
      owner: 'release-manager',
      timeoutSeconds: 900,
      steps: [{ target: 'loop:build' }, { argv: ['cargo', 'doc', '--offline'], cwd: 'loop' }],
      passCriteria: { minTests: { count: 1 } },
    });
  });

  it('declares what a gate reads with --inputs and --projects, an empty --inputs for "nothing beyond its targets"', async () => {
    await gateGenerator(tree, { id: 'VG-PY-001', title: 'Python check', argv: '["python3","check.py"]', inputs: 'check.py, lib/**/*.py', projects: 'loop' });
    expect(gates().at(-1)).toMatchObject({ inputs: ['check.py', 'lib/**/*.py'], projects: ['loop'] });
    await gateGenerator(tree, { id: 'VG-BIN-001', title: 'Binary', targets: 'loop:build', argv: '["loop/target/release/loop","--version"]', inputs: '' });
    expect(gates().at(-1).inputs).toEqual([]);
  });

  it('writes a gate file of its own where the workspace keeps one gate per file', async () => {
    tree.write('governance/gates/VG-A-001.json', JSON.stringify({ id: 'VG-A-001', title: 'a', scope: 'a', owner: 'release-manager', kind: 'manual', checklist: ['ok'] }));
    const before = tree.read('governance/gates.json', 'utf8');
    await gateGenerator(tree, { id: 'VG-B-001', title: 'b', argv: '["node","--version"]', inputs: '' });
    expect(tree.read('governance/gates.json', 'utf8')).toBe(before);
    expect(JSON.parse(tree.read('governance/gates/VG-B-001.json', 'utf8')!)).toMatchObject({
      $schema: '../../node_modules/nx-governance/schemas/gate.schema.json',
      id: 'VG-B-001',
      steps: [{ argv: ['node', '--version'] }],
      inputs: [],
    });
  });

  it('adds a manual gate with its checklist', async () => {
    await gateGenerator(tree, { id: 'VG-REVIEW-002', title: 'Review', kind: 'manual', checklist: 'Read it; Signed it', owner: 'compatibility-owner' });
    expect(gates().at(-1)).toMatchObject({ kind: 'manual', checklist: ['Read it', 'Signed it'], owner: 'compatibility-owner' });
  });

  const playbook = () => JSON.parse(tree.read('governance/playbook.json', 'utf8')!);
  const classGates = (id: string) => playbook().releaseClasses.find((c: { id: string }) => c.id === id).gates;

  it('puts the gate in the playbook\'s default release class, so the default gate run requires it, and says where it went', async () => {
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    await gateGenerator(tree, { id: 'VG-CORE-TEST-001', title: 'Core tests', targets: 'loop:test', minTests: 3 });
    expect(classGates('R2')).toContain('VG-CORE-TEST-001');
    expect(classGates('R3')).not.toContain('VG-CORE-TEST-001');
    expect(info.mock.calls.flat().join('\n')).toContain('VG-CORE-TEST-001 is required by release class R2 (governance/playbook.json), the class nx run governance:gate runs');
    info.mockRestore();
  });

  it('puts the gate in the release class --releaseClass names, and refuses an unknown one with the known ones', async () => {
    await gateGenerator(tree, { id: 'VG-PERF-009', title: 'Perf', targets: 'loop:test', releaseClass: 'R3' });
    expect(classGates('R3')).toContain('VG-PERF-009');
    expect(classGates('R2')).not.toContain('VG-PERF-009');
    const before = tree.read('governance/playbook.json', 'utf8');
    await expect(gateGenerator(tree, { id: 'VG-PERF-010', title: 'Perf', targets: 'loop:test', releaseClass: 'R9' })).rejects.toThrow(
      '--releaseClass: unknown release class "R9", expected one of the playbook\'s classes: R0, R1, R2, R3',
    );
    expect(tree.read('governance/playbook.json', 'utf8')).toBe(before);
  });

  it('leaves the release classes alone with --releaseClass=none, and says that no gate run requires the gate yet', async () => {
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const before = tree.read('governance/playbook.json', 'utf8');
    await gateGenerator(tree, { id: 'VG-LATER-001', title: 'Later', targets: 'loop:test', releaseClass: 'none' });
    expect(tree.read('governance/playbook.json', 'utf8')).toBe(before);
    expect(warn.mock.calls.flat().join('\n')).toContain('VG-LATER-001 is required by no release class');
    warn.mockRestore();
  });

  it.each([
    [{ id: 'vg-bad', title: 'x', argv: '["a"]' }, '--id: found "vg-bad", expected a gate id: an id matching ^VG(-[A-Z0-9]+)+$ (ids.gate in governance/governance.json)'],
    [{ id: 'VG-CONTRACT-001', title: 'x', argv: '["a"]' }, 'Gate VG-CONTRACT-001 already exists in governance/gates.json'],
    [{ id: 'VG-X-001', title: 'x', argv: 'cargo test' }, '--argv must be a JSON array'],
    [{ id: 'VG-X-001', title: 'x', owner: 'cto', argv: '["a"]' }, 'Unknown owner "cto", expected a playbook role: compatibility-owner, performance-owner, release-manager'],
    [{ id: 'VG-X-001', title: 'x', kind: 'manual' as const }, 'checklist: expected at least one checklist item'],
    [{ id: 'VG-X-001', title: 'x', targets: 'loop' }, 'steps[0].target: expected an Nx target'],
  ])('refuses %j', async (options, message) => {
    const before = tree.read('governance/gates.json', 'utf8');
    await expect(gateGenerator(tree, options)).rejects.toThrow(message);
    expect(tree.read('governance/gates.json', 'utf8')).toBe(before);
  });
});
