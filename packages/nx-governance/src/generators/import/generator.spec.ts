import { join, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { REPO_ROOT } from '../../test-helpers/temp-workspace';
import { copyIntoTree } from '../../test-helpers/tree';
import { validateGovernance } from '../../lib/validation/validate-governance';
import { treeFileReader } from '../tree-file-reader';
import initGenerator from '../init/generator';
import syncGenerator from '../sync/generator';
import importGenerator from './generator';
import { customIdMilestone, customIdSettings } from '../../test-helpers/custom-ids';

const FIXTURE = join(REPO_ROOT, 'e2e', 'fixtures', 'prose-repo');

function treeWithFixture(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  copyIntoTree(tree, relative(REPO_ROOT, FIXTURE), FIXTURE);
  return tree;
}

const readJson = (tree: Tree, path: string) => JSON.parse(tree.read(path, 'utf8') ?? 'null');
const gate = (tree: Tree, id: string) => readJson(tree, 'governance/gates.json').gates.find((g: { id: string }) => g.id === id);

describe('import generator on a prose-governed Rust + Python repository', () => {
  let tree: Tree;
  let originals: Map<string, string>;
  beforeEach(async () => {
    tree = treeWithFixture();
    originals = new Map(tree.listChanges().filter((c) => c.path.startsWith('docs/')).map((c) => [c.path, c.content?.toString() ?? '']));
    await initGenerator(tree, { skipFormat: true });
  });

  it('returns nothing Nx could mistake for its post-generation callback', async () => {
    const returned: unknown = await importGenerator(tree, { skipFormat: true });
    expect(returned === undefined || typeof returned === 'function').toBe(true);
  });

  it('writes valid governance, leaves every original byte as it was, and nx sync has nothing to do', async () => {
    await importGenerator(tree, { skipFormat: true });
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json');
    expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.path}: ${e.message}`)).toEqual([]);
    for (const [path, content] of originals) expect([path, tree.read(path, 'utf8')]).toEqual([path, content]);
    expect(await syncGenerator(tree)).toEqual({});
    expect(readJson(tree, 'governance/governance.json').paths).toEqual({ milestones: 'governance/milestones', evidence: 'evidence', docs: 'governance/docs' });
  });

  it('converts the gates it can, blocks the rest with the reason, and keeps manual methods manual', async () => {
    await importGenerator(tree, { skipFormat: true });
    const gates = readJson(tree, 'governance/gates.json').gates;
    expect(gates).toHaveLength(34);
    expect(gates.filter((g: { blocked?: unknown }) => g.blocked).map((g: { id: string; blocked: { reason: string } }) => `${g.id}: ${g.blocked.reason}`)).toEqual(BLOCKED);
    expect(gate(tree, 'VG-CORE-TEST-001').steps).toEqual([
      { argv: ['scripts/mem-admit.sh', '--mb', '2048', '--', 'cargo', 'test', '--offline'], wrapper: { kind: 'memory-admission', argv: ['scripts/mem-admit.sh', '--mb', '2048', '--'] } },
    ]);
    expect(gate(tree, 'VG-CORE-BUILD-002')).toMatchObject({ timeoutSeconds: 600, steps: [{ argv: ['cargo', 'build', '--offline', '--all-targets'], wrapper: { kind: 'timeout' } }] });
    expect(gate(tree, 'VG-CORE-TEST-003').steps).toEqual([{ argv: ['cargo', 'test', '--offline'], env: { CAIRN_SEED: '7' } }]);
    expect(gate(tree, 'VG-PY-TEST-001').steps).toEqual([{ argv: ['python3', '-m', 'unittest', 'discover', '-s', 'tests'], cwd: 'consumers/cairn-py', env: { PYTHONPATH: '.' } }]);
    expect(gate(tree, 'VG-CONTRACT-002').steps.map((s: { argv: string[] }) => s.argv[0])).toEqual(['cargo', 'python3']);
    expect(gate(tree, 'VG-COMPAT-002').steps[0].env).toEqual({ CAIRN_BIN: 'target/release/cairn' });
    expect(gate(tree, 'VG-CONTRACT-001')).toMatchObject({ kind: 'manual', inputs: ['docs/execution-plan/CONSUMER-INTEGRATION.md'] });
    expect(gate(tree, 'VG-CONTRACT-001').checklist[0]).toBe('Manual review: read CONSUMER-INTEGRATION.md against the v2 envelope');
    expect(gate(tree, 'VG-PERF-001').passCriteria.metrics[0]).toEqual({ name: 'p95_ms', file: 'target/bench/summary.json', pointer: '/p95_ms', baseline: 'bench/baseline.json', maxRegressionPercent: 10, better: 'lower' });
  });

  it('expands gate lists, and imports the playbook, cadence, compatibility and milestone gate sets from prose', async () => {
    await importGenerator(tree, { skipFormat: true });
    const playbook = readJson(tree, 'governance/playbook.json');
    expect(Object.fromEntries(playbook.releaseClasses.map((c: { id: string; gates: string[] }) => [c.id, c.gates.length]))).toEqual({ R0: 1, R1: 7, R2: 11, R3: 12 });
    expect(playbook.defaultReleaseClass).toBe('R1');
    expect(playbook.minimumGatesPerMilestone[0]).toEqual({ milestone: 'M1', gates: ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003'] });
    expect(playbook.rollbackTriggers).toEqual([
      expect.objectContaining({ id: 'functional', kind: 'functional', gates: ['VG-CORE-TEST-001', 'VG-CONTRACT-002'] }),
      expect.objectContaining({ id: 'compatibility', kind: 'compatibility' }),
      expect.objectContaining({ id: 'performance', kind: 'performance', gate: 'VG-PERF-001', metric: 'p95_ms', budgetPercent: 10 }),
    ]);
    expect(playbook.roles.slice(0, 3)).toEqual([
      { id: 'release-manager', title: 'Release Manager', owner: 'Maren Falk' },
      { id: 'api-owner', title: 'API Owner', owner: 'Tomas Reyes' },
      { id: 'compatibility-owner', title: 'Compatibility Owner', owner: 'Ines Baptiste' },
    ]);
    expect(playbook.preReleaseChecklist).toHaveLength(5);
    expect(playbook.goNoGo).toHaveLength(4);
    expect(playbook.rollbackProcedure[1]).toEqual({ step: 'Re-tag the previous release tuple from the compatibility matrix as current.', owner: 'compatibility-owner' });
    const cadence = readJson(tree, 'governance/cadence.json');
    expect(cadence.activities.map((a: { interval: unknown; owner: string; gate?: string }) => [a.interval, a.owner, a.gate ?? '-'])).toEqual([
      ['per-change', 'qa-lead', '-'],
      ['weekly', 'compatibility-owner', 'VG-COMPAT-002'],
      ['weekly', 'security-owner', 'VG-SEC-001'],
      ['monthly', 'api-owner', 'VG-CONTRACT-001'],
      ['monthly', 'perf-owner', 'VG-PERF-001'],
      [{ days: 14 }, 'release-manager', '-'],
      ['before-release', 'release-manager', '-'],
    ]);
    const compat = readJson(tree, 'governance/compatibility.json');
    expect(compat.policy).toEqual({ supportWindow: { days: 90, tuples: ['current', 'rollback'] }, minimumTuplesPerConsumer: 2, deprecationLeadTimeDays: 14 });
    expect(compat.tuples[2]).toEqual({ id: 'legacy', core: '0a9f4e2', consumers: { 'cairn-py': '5d2c8f9', trailhead: '8e41b07' }, tier: 'conditional', validated: '2026-01-12' });
    expect(compat.consumers).toEqual([
      { name: 'cairn-py', project: 'cairn-py', path: 'consumers/cairn-py' },
      { name: 'trailhead', project: 'trailhead', path: 'consumers/trailhead' },
    ]);
  });

  it('copies the milestones (an index README sits beside them), indexes the evidence and writes the report', async () => {
    await importGenerator(tree, { skipFormat: true });
    expect(tree.children('governance/milestones').sort()).toEqual(['M1-foundations.md', 'M2-test-harness.md', 'M3-envelope-v2.md', 'M4-consumers.md', 'M5-performance.md', 'M6-release-train.md']);
    expect(tree.read('governance/milestones/M3-envelope-v2.md', 'utf8')).toBe(originals.get('docs/execution-plan/milestones/M3-envelope-v2.md'));
    const index = readJson(tree, 'governance/imported-evidence.json');
    expect(index.entries.length).toBe(63);
    expect(index.entries.every((e: { imported: boolean; sealed: boolean }) => e.imported && !e.sealed)).toBe(true);
    const report = tree.read('governance/import-report.md', 'utf8') ?? '';
    expect(report).toContain('- `docs/execution-plan/VALIDATION-MATRIX.md:54` VG-SEC-001: \\`cargo audit $AUDIT\\_FLAGS\\`: needs a shell ($)');
    expect(report).toContain('## Not understood (11)\n');
    expect(report).toContain('- `docs/execution-plan/CONSUMER-INTEGRATION.md:5` section "The v2 envelope": nothing imported from it (it holds prose)');
    expect(report).toContain('## Existing evidence (63 file(s) indexed from `docs/execution-plan/evidence`)');
  });

  it('is idempotent, refuses to replace other data without --force, and --force replaces it', async () => {
    await importGenerator(tree, { skipFormat: true });
    const gates = tree.read('governance/gates.json', 'utf8');
    await importGenerator(tree, { skipFormat: true });
    expect(tree.read('governance/gates.json', 'utf8')).toBe(gates);
    tree.write('governance/gates.json', (gates ?? '').replace('"title": "cairn release build"', '"title": "edited"'));
    await expect(importGenerator(tree, { skipFormat: true })).rejects.toThrow('governance/gates.json already hold other data; nothing was written. Pass --force to replace them with the import.');
    await importGenerator(tree, { skipFormat: true, force: true });
    expect(tree.read('governance/gates.json', 'utf8')).toBe(gates);
  });

  it('writes nothing when what it would write does not validate, and says why', async () => {
    const compat = 'docs/execution-plan/COMPATIBILITY-MATRIX.md';
    tree.write(compat, (tree.read(compat, 'utf8') ?? '').replace('| envelope v1 | 2026-02-20 | 2026-03-06 |', '| envelope v1 | 2026-02-20 | 2026-02-25 |'));
    const before = tree.read('governance/governance.json', 'utf8');
    await expect(importGenerator(tree, { skipFormat: true })).rejects.toThrow('The imported governance does not validate; nothing was written.');
    expect(tree.read('governance/governance.json', 'utf8')).toBe(before);
    expect(tree.exists('governance/import-report.md')).toBe(false);
  });
});

const BLOCKED = [
  'VG-PY-TYPE-001: `mypy --strict consumers/cairn-py | tee mypy.txt`: needs a shell (|)',
  'VG-COMPAT-003: "Same as VG-COMPAT-002 with exported first" is not a command (a reference to another gate?)',
  'VG-PERF-002: `./scripts/bench-compare.sh bench/baseline.json > /tmp/perf.txt`: needs a shell (>)',
  'VG-SEC-001: `cargo audit $AUDIT_FLAGS`: needs a shell ($)',
  'VG-REL-003: `ls target/release/cairn* | wc -l`: needs a shell (* |)',
  'VG-OPS-001: `for f in scripts/*.sh; do shellcheck "$f"; done`: needs a shell (* ; $)',
  'VG-OPS-003: `/opt/cairn-tools/drain-check --region eu`: /opt/cairn-tools/drain-check is outside this repository',
];

describe('import generator with configured id patterns', () => {
  it('imports prose whose gates are GATE-… and whose milestones and cards are REL-3 and REL-3.1', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('governance/governance.json', customIdSettings());
    tree.write(
      'docs/execution-plan/VALIDATION-MATRIX.md',
      '# Validation Matrix\n\n| Gate ID | Scope | Command |\n|---|---|---|\n| GATE-BUILD-1 | build | `node -e 0` |\n| GATE-TEST-1 | tests | `node --test` |\n| VG-OLD-001 | old | `node -e 0` |\n\n## Release classes\n\n| Release class | Gates |\n|---|---|\n| R1 | GATE-BUILD-1, GATE-TEST-1 |\n\n## Milestone gate sets\n\n| Milestone | Gates |\n|---|---|\n| REL-3 | GATE-BUILD-1 |\n',
    );
    tree.write('docs/execution-plan/milestones/REL-3.md', customIdMilestone());
    await importGenerator(tree, { skipFormat: true });
    expect(readJson(tree, 'governance/gates.json').gates.map((g: { id: string }) => g.id)).toEqual(['GATE-BUILD-1', 'GATE-TEST-1']);
    expect(readJson(tree, 'governance/playbook.json').minimumGatesPerMilestone).toEqual([{ milestone: 'REL-3', gates: ['GATE-BUILD-1'] }]);
    expect(tree.read('governance/import-report.md', 'utf8')).toContain('gate "VG-OLD-001"');
    expect(tree.read('governance/import-report.md', 'utf8')).toContain('milestone REL-3');
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json');
    expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.path}: ${e.message}`)).toEqual([]);
  });
});

describe('import --force over what init wrote, after the gate id form was changed', () => {
  it('replaces init seed gate (VG-GOVERNANCE-001, no longer an id of the new form) with the imported gates', async () => {
    const tree = createTreeWithEmptyWorkspace();
    await initGenerator(tree, { skipFormat: true });
    const settings = readJson(tree, 'governance/governance.json');
    tree.write('governance/governance.json', `${JSON.stringify({ ...settings, ids: { gate: '^GATE-[A-Z0-9-]+$' } }, null, 2)}\n`);
    tree.write('docs/plan/GATES.md', '# Gates\n\n| Gate ID | Scope | Command |\n|---|---|---|\n| GATE-BUILD-1 | build | `node -e 0` |\n');
    await importGenerator(tree, { source: 'docs/plan', force: true, skipFormat: true });
    expect(readJson(tree, 'governance/gates.json').gates.map((g: { id: string }) => g.id)).toEqual(['GATE-BUILD-1']);
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json');
    expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.path}: ${e.message}`)).toEqual([]);
  });
});
