import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unlistedDifferences } from '../helpers/prose-oracle';
import { REPO_ROOT, TestWorkspace } from '../helpers/workspace';

const CORPUS = join(REPO_ROOT, 'e2e', 'fixtures', 'prose-corpus');

/**
 * Differences from expected.json that the import does not yet list in its
 * report, per fixture: open defects of issue 19, written down so that any new
 * difference fails, and so does one that is fixed (then remove it here).
 */
const OPEN: Record<string, string[]> = {
  "table-heavy": [],
  "list-style": [],
  paragraphs: [],
  "crlf-bom": [],
  "mixed-style": [],
  "release-notes-style": [],
};

/**
 * Each fixture of the corpus (four house styles, written by someone who had
 * not read the importer) imported through the real `nx g nx-governance:import`,
 * compared with its hand-written expected.json: every difference must be
 * listed in governance/import-report.md.
 */
describe.each(Object.keys(OPEN))('import of the %s fixture', (name) => {
  const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as Record<string, unknown>;
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    cpSync(join(CORPUS, name), workspace.root, { recursive: true });
    // What init would have set: the core the prose governs (found or given with --coreProject) and the id forms.
    const core = (expected.core as { name: string }).name;
    workspace.write('governance/governance.json', `${JSON.stringify({ core: { project: core }, ...(expected.ids ? { ids: expected.ids } : {}) }, null, 2)}\n`);
    workspace.commit(`the ${name} fixture`);
  });
  afterAll(() => workspace.remove());

  it('imports through nx g, exits 0, and every difference from expected.json is in the import report', () => {
    const result = workspace.nx('g', 'nx-governance:import', `--source=${expected.source}`);
    expect([result.code, result.output]).toEqual([0, expect.stringContaining('Each is listed with its file and line in governance/import-report.md')]);
    const milestones = workspace.files(JSON.parse(workspace.read('governance/governance.json')).paths.milestones);
    const read = (path: string) => (workspace.exists(path) ? workspace.read(path) : undefined);
    expect(unlistedDifferences(read, milestones, expected)).toEqual(OPEN[name]);
  });

  it('keeps the consumers that are not in this workspace as stated only: validate warns, readiness is inconclusive for each, never a pass', () => {
    const stated = (expected.consumers as Array<{ name: string }>).map((c) => c.name).filter((c) => !workspace.exists(`${c}/project.json`));
    const compat = JSON.parse(workspace.read('governance/compatibility.json')) as { consumers: Array<{ name: string; project?: string }> };
    const outside = compat.consumers.filter((c) => c.project === undefined).map((c) => c.name);
    expect(outside.length).toBeGreaterThan(0);
    expect(stated).toEqual(expect.arrayContaining(outside));
    // The core the prose governs, as an Nx project, so that readiness judges (the fixtures hold prose only).
    const core = (expected.core as { name: string }).name;
    workspace.write(`${core}/project.json`, JSON.stringify({ name: core, root: core }));
    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.output).toContain(`${outside[0]} is not in this workspace (governance/compatibility.json names it without a project)`);
    const readiness = workspace.nx('run', 'governance:release-readiness', '--releaseVersion=9.9.9', '--approver=e2e', '--json=reports/readiness.json');
    expect([readiness.code, readiness.output]).toEqual([1, expect.stringContaining('inconclusive')]);
    const report = JSON.parse(workspace.read('reports/readiness.json')) as { items: Array<{ id: string; state: string; reason: string }> };
    const items = report.items;
    for (const name of outside) {
      // A stated range that leaves the candidate out is said first (advisory); otherwise, that it cannot run here.
      expect(items.find((i) => i.id === `consumer:${name}`)).toMatchObject({ state: 'inconclusive', reason: expect.stringMatching(new RegExp(`^${name} (is not in this workspace|declares support for)`)) });
    }
    // compat-run cannot run them, and says so rather than leaving them out.
    const compatRun = workspace.nx('run', 'governance:compat-run', '--json=reports/compat.json');
    expect(compatRun.output).toContain(`Not run: ${outside[0]} is not in this workspace`);
    const rows = (JSON.parse(workspace.read('reports/compat.json')) as { consumers: Array<{ consumer: string; result: string }> }).consumers;
    expect(rows.filter((r) => r.result === 'not-in-workspace').map((r) => r.consumer).sort()).toEqual([...outside].sort());
    // The team vendors one through nx g: its folder declares it, compatibility.json no longer states it, its tuples stay.
    const [vendored] = outside;
    const tuplesBefore = JSON.parse(workspace.read('governance/compatibility.json')).tuples;
    const checkout = mkdtempSync(join(tmpdir(), `${vendored}-`));
    try {
      writeFileSync(join(checkout, 'pyproject.toml'), `[project]\nname = "${vendored}"\nversion = "1.0.0"\n`);
      const generated = workspace.nx('g', 'nx-governance:consumer', vendored, `--source=${checkout}`);
      expect([generated.code, generated.output]).toEqual([0, expect.stringContaining(`${vendored} was stated only in governance/compatibility.json`)]);
    } finally {
      rmSync(checkout, { recursive: true, force: true });
    }
    const after = JSON.parse(workspace.read('governance/compatibility.json')) as { consumers: Array<{ name: string }>; tuples: unknown[] };
    expect(after.consumers.map((c) => c.name)).not.toContain(vendored);
    expect(after.tuples).toEqual(tuplesBefore);
    expect(JSON.parse(workspace.read(`vendor/${vendored}/governance.consumer.json`))).toMatchObject({ name: vendored, project: vendored });
    expect(workspace.nx('run', 'governance:validate').output).not.toContain(`${vendored} is not in this workspace`);
  });
});
