import { logger, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import initGenerator from '../init/generator';
import importGenerator from './generator';

/**
 * A repository a helper wrote without reading the importer (issue 19): a Rust
 * library at the root of an Nx workspace whose root package.json names the root
 * project, consumers in folders of their own names or declared by their
 * manifests, and evidence at the root while the prose is under docs/.
 */
const COMPATIBILITY = `# Compatibility matrix

We support the two most recent minor releases of ferrocore.

| Tuple | ferrocore | pyferro | Tier | Validated |
|---|---|---|---|---|
| current | 1.5.0 | 1.5.0 | supported | 2026-04-30 |

| Consumer | Validated core versions | Tier | Notes |
|---|---|---|---|
| ferro-etl | 1.5.0 | supported | |
| notebook-kit | 1.5.0 | supported | |
`;

const GATES = `# Gates

| Gate | Command |
|---|---|
| VG-CORE-001 | \`cargo fmt --all -- --check\` |

## Release classes

| Class | Gates |
|---|---|
| R1 | VG-CORE-001 |
`;

const CADENCE = '# Maintenance cadence\n\n| Activity | Interval | Owner |\n|---|---|---|\n| Dependency audit | weekly | core owner |\n';

const EVIDENCE = '# Evidence: M3-T01 / VG-CORE-001\n\n- Date: 2026-05-02\n- Result: PASS\n';

function walkedRepository(): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('package.json', JSON.stringify({ name: 'ferro-ws', version: '0.0.0', private: true }));
  tree.write('Cargo.toml', '[package]\nname = "ferrocore"\nversion = "1.5.0"\n');
  tree.write('src/lib.rs', '\n');
  tree.write('docs/governance/compatibility-matrix.md', COMPATIBILITY);
  tree.write('docs/governance/validation-gates.md', GATES);
  tree.write('docs/governance/maintenance-cadence.md', CADENCE);
  tree.write('bindings/python/pyproject.toml', '[project]\nname = "pyferro"\nversion = "1.5.0"\n');
  tree.write('clients/ferro-etl/pyproject.toml', '[project]\nname = "ferro-etl"\nversion = "0.9.1"\n');
  tree.write('evidence/2026-05-02/milestone-M3/M3-T01-VG-CORE-001.md', EVIDENCE);
  tree.write('node_modules/some-package/README.md', '# Compatibility\n\n| Consumer | Validated core versions |\n|---|---|\n| from-node-modules | 1.0.0 |\n');
  return tree;
}

const readJson = (tree: Tree, path: string) => JSON.parse(tree.read(path, 'utf8') ?? 'null');
const report = (tree: Tree) => tree.read('governance/import-report.md', 'utf8') ?? '';

describe('import of a repository whose prose, consumers and evidence live where a helper put them', () => {
  let tree: Tree;
  beforeEach(async () => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    tree = walkedRepository();
    await initGenerator(tree, { skipFormat: true });
  });
  afterEach(() => jest.restoreAllMocks());

  it("reads the core's column under the library's own name when Nx names the root project otherwise", async () => {
    await importGenerator(tree, { source: 'docs/governance', skipFormat: true });
    expect(readJson(tree, 'governance/governance.json').core.project).toBe('ferro-ws');
    expect(readJson(tree, 'governance/compatibility.json').tuples.map((t: { id: string; core: string }) => [t.id, t.core])).toContainEqual(['current', '1.5.0']);
  });

  it('names a consumer project only where Nx will have one (its folder found by name or manifest); another consumer is stated only, without a project, and reported', async () => {
    await importGenerator(tree, { source: 'docs/governance', skipFormat: true });
    const compat = readJson(tree, 'governance/compatibility.json');
    expect(compat.consumers.map((c: { name: string; project?: string; path?: string }) => [c.name, c.project ?? '-', c.path ?? '-'])).toEqual([
      ['pyferro', 'pyferro', 'bindings/python'],
      ['ferro-etl', 'ferro-etl', 'clients/ferro-etl'],
      ['notebook-kit', '-', '-'],
    ]);
    expect(report(tree)).toMatch(/`docs\/governance\/compatibility-matrix\.md:\d+` consumer notebook-kit: no Nx project of that name and no folder of it[^\n]*written to compatibility\.json without a project \(stated only/);
  });

  it('indexes the evidence folder of the repository when the prose folder has none', async () => {
    await importGenerator(tree, { source: 'docs/governance', skipFormat: true });
    const index = readJson(tree, 'governance/imported-evidence.json');
    expect([index.folder, index.entries.map((e: { file: string }) => e.file)]).toEqual(['evidence', ['evidence/2026-05-02/milestone-M3/M3-T01-VG-CORE-001.md']]);
  });

  it('--source=. reads workspace paths (no ./), never node_modules, and --exclude globs match them as written', async () => {
    await importGenerator(tree, { source: '.', exclude: ['governance/**', 'docs/execution-plan/**'], skipFormat: true });
    const text = report(tree);
    expect(text).not.toContain('`./');
    expect(text).not.toContain('node_modules');
    expect(text).toContain('`governance/');
    expect(readJson(tree, 'governance/compatibility.json').consumers.map((c: { name: string }) => c.name)).not.toContain('from-node-modules');
    expect(readJson(tree, 'governance/imported-evidence.json').entries).toHaveLength(1);
  });

  it('says when it read who owns the decision log but writes no cadence.json (the prose defines no activity)', async () => {
    tree.write('docs/plan/PLAYBOOK.md', '# Releasing\n\n## Owners\n\n- Decision log: release captain.\n');
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    expect(report(tree)).toContain('cadence ownership: {"decisionLog":"release-captain"} read, but the prose defines no cadence activity, so cadence.json was not written');
  });
});
