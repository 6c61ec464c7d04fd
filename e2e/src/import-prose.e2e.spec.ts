import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, TestWorkspace } from '../helpers/workspace';

const FIXTURE = join(REPO_ROOT, 'e2e', 'fixtures', 'prose-repo');

function filesBelow(root: string, dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path));
    }
  };
  walk(join(root, dir));
  return files;
}

/**
 * A Rust + Python repository governed in prose, adopted the way a maintainer
 * would on a fresh clone: nx init, the plugin's init, import through `nx g`,
 * then the targets on the imported data and the existing evidence.
 */
describe('adopting a prose-governed repository', () => {
  let workspace: TestWorkspace;
  const originals = filesBelow(FIXTURE, 'docs');
  let nxInit = 'nx init --interactive=false';

  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    for (const file of ['nx.json', 'package.json', 'package-lock.json']) workspace.delete(file);
    cpSync(FIXTURE, workspace.root, { recursive: true });
    workspace.commit('a repository governed in prose');
  });
  afterAll(() => workspace.remove());

  it('init on a repository without nx.json fails, saying what to run', () => {
    const result = workspace.nx('g', 'nx-governance:init');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('No nx.json: this repository is not an Nx workspace yet. Run `npx nx@latest init` first, then `npx nx add nx-governance`.');
    expect(workspace.exists('governance')).toBe(false);
  });

  it('nx init (non-interactive, offline for a non-JS repository), then the plugin installed and its init with no options', () => {
    const init = workspace.nx('init', '--interactive=false');
    if (init.code !== 0 || !workspace.exists('nx.json')) {
      // Nx's own init needs the network in some set-ups: the minimal nx.json it would write stands in.
      nxInit = 'a minimal nx.json (nx init could not run)';
      workspace.write('nx.json', '{ "analytics": false }\n');
    }
    // nx init set the repository up for Nx's wrapper (.nx/installation, ./nx), whose `nx add` installs from
    // the registry. Offline, the plugin is installed the npm way instead: package.json, the linked node_modules.
    for (const path of ['nx', 'nx.bat', '.nx/nxw.js', '.nx/installation']) workspace.delete(path);
    const { installation: _wrapper, ...nxJson } = JSON.parse(workspace.read('nx.json'));
    workspace.write('nx.json', `${JSON.stringify({ ...nxJson, analytics: false }, null, 2)}\n`);
    workspace.writeInstalledPackages();
    const result = workspace.nx('g', 'nx-governance:init');
    expect([result.code, result.output]).toEqual([0, expect.stringContaining('Core project: cairn (named by the compatibility table of docs/execution-plan/COMPATIBILITY-MATRIX.md:8)')]);
    expect(JSON.parse(workspace.read('governance/governance.json')).paths.docs).toBe('governance/docs');
    expect(workspace.nx('sync:check').code).toBe(0);
    workspace.commit(`${nxInit} and nx-governance:init`);
  });

  it('imports through nx g: writes the data and the report, exits 0, and changes nothing the second time', () => {
    const result = workspace.nx('g', 'nx-governance:import');
    expect(result.output).not.toContain('is not a function');
    expect(result.code).toBe(0);
    expect(result.output).toContain('Imported 34 gate(s) (7 blocked until converted by hand: VG-PY-TYPE-001, VG-COMPAT-003, VG-PERF-002, VG-SEC-001, VG-REL-003, VG-OPS-001, VG-OPS-003)');
    expect(workspace.read('governance/import-report.md')).toContain('## Left for review (10)');
    expect(JSON.parse(workspace.read('governance/imported-evidence.json')).entries).toHaveLength(63);
    workspace.commit('import');
    const again = workspace.nx('g', 'nx-governance:import');
    expect([again.code, workspace.git('status', '--porcelain')]).toEqual([0, '']);
  });

  it('validates with zero errors (the blocked gates are warnings)', () => {
    const result = workspace.nx('run', 'governance:validate');
    expect([result.code, result.output]).toEqual([0, expect.stringContaining('Governance is valid: 6 milestone(s), 12 task card(s), 34 gate(s), 22 warning(s).')]);
    // The prose defines gates no release class, milestone or task card asks for: no gate run would run them.
    expect(result.output).toContain('gate VG-CORE-LINT-001 is required by no release class, milestone or task card, so no gate run runs it');
    expect(result.output).toContain('gates[23].blocked: gate VG-SEC-001 is blocked until its steps are written by hand: `cargo audit $AUDIT_FLAGS`: needs a shell ($)');
    expect(result.output).not.toMatch(/^error/m);
  });

  it('gate runs what can run and blocks the rest by name', () => {
    const result = workspace.nx('run', 'governance:gate-R1');
    expect(result.code).not.toBe(0);
    for (const id of ['VG-CORE-BUILD-001', 'VG-CORE-BUILD-002', 'VG-CORE-BUILD-003', 'VG-CORE-TEST-001', 'VG-PY-TEST-001']) {
      expect(result.output).toMatch(new RegExp(`${id}\\s+pass`));
    }
    expect(result.output).toMatch(/VG-SEC-001\s+blocked/);
    expect(result.output).toContain('`cargo audit $AUDIT_FLAGS`: needs a shell ($) (review: governance/import-report.md (VG-SEC-001))');
    expect(result.output).toContain('2 blocking gate(s) did not pass: VG-CONTRACT-001 (pending), VG-SEC-001 (blocked).');
  });

  it('verify-evidence lists the imported evidence separately, and names an imported file edited after import', () => {
    const clean = workspace.nx('run', 'governance:verify-evidence');
    expect(clean.output).toMatch(/\d+ imported evidence file\(s\), from before the plugin, are listed separately/);
    expect(clean.code).toBe(0);
    const index = JSON.parse(workspace.read('governance/imported-evidence.json'));
    const file = index.entries.find((e: { result: string; kind: string }) => e.result === 'pass' && e.kind === 'markdown').file as string;
    const original = workspace.read(file);
    workspace.write(file, `${original}\n- Result: pass\n`);
    try {
      const edited = workspace.nx('run', 'governance:verify-evidence', '--stale=false');
      expect(edited.code).not.toBe(0);
      expect(edited.output).toContain(`${file}: imported-changed: changed after import`);
    } finally {
      workspace.write(file, original);
    }
  });

  it('cadence uses the imported evidence, labelled as imported', () => {
    const result = workspace.nx('run', 'governance:cadence', '--as-of=2026-03-05', '--json=cadence.json');
    expect(result.code).toBe(0);
    const report = JSON.parse(workspace.read('cadence.json'));
    expect(report.activities.find((a: { gate?: string; id: string }) => a.id.startsWith('compatibility-run'))).toMatchObject({
      lastDone: '2026-03-02',
      source: 'imported evidence of VG-COMPAT-002 (docs/execution-plan/evidence/2026-03-02/weekly/VG-COMPAT-002-weekly.md)',
    });
    // The drift says why the gate's evidence does not count, in the one judgement's words.
    expect(report.drift.filter((d: string) => d.startsWith('task '))).toEqual([expect.stringMatching(/^task M5-T02 is done without passing evidence for VG-OPS-002 \(missing: no evidence/)]);
    workspace.delete('cadence.json');
  });

  it('task-card --status=done is accepted where imported evidence passes, refused where it does not', () => {
    const accepted = workspace.nx('g', 'nx-governance:task-card', '--milestone=M6', '--task=M6-T02', '--status=done', '--date=2026-03-04');
    expect([accepted.code, accepted.output]).toEqual([0, expect.stringContaining('VG-REL-001: passing imported evidence docs/execution-plan/evidence/2026-03-03/summary.md (unsealed, imported)')]);
    expect(workspace.read('governance/milestones/M6-release-train.md')).toContain('### M6-T02 Release sign-off\n\n- Goal: a named person says go.\n- Status: done (2026-03-04)');
    const refused = workspace.nx('g', 'nx-governance:task-card', '--milestone=M5', '--task=M5-T01', '--status=done');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('M5-T01 cannot be done: no passing evidence for VG-PERF-001 (imported evidence: docs/execution-plan/evidence/2026-02-27/milestone-M5/M5-T01-VG-PERF-001.md says fail)');
  });

  it('sync:check is green and every original document is byte for byte unchanged', () => {
    const check = workspace.nx('sync:check');
    expect([check.code, check.output]).toEqual([0, expect.any(String)]);
    const now = filesBelow(workspace.root, 'docs');
    expect([...now.keys()].sort()).toEqual([...originals.keys()].sort());
    for (const [path, bytes] of originals) expect([path, now.get(path)?.equals(bytes)]).toEqual([path, true]);
  });
});
