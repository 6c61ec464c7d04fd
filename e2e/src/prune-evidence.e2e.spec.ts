import { readdirSync } from 'node:fs';
import { servedFromCache, TestWorkspace } from '../helpers/workspace';

const GATE = 'VG-PRUNE-001';
const FOLDER = `evidence/gates/${GATE}`;
const gate = { id: GATE, title: 'Prune', scope: 'e2e', owner: 'qa', kind: 'command', inputs: ['prune-inputs/**'], steps: [{ argv: ['node', '-e', "console.log('1 passed, 0 failed')"] }] };

/**
 * Issue 13, "prune-evidence": a gate run five times leaves a chain of five
 * records and their logs; the prune keeps the newest two, and the chain still
 * verifies from its anchor, also after Nx restores an older run from its cache.
 */
describe('prune-evidence on a real workspace', () => {
  let workspace: TestWorkspace;
  const records = () => readdirSync(workspace.path(`${FOLDER}/records`)).sort();
  const logs = () => readdirSync(workspace.path(`${FOLDER}/logs`)).sort();
  const runGate = (input: string) => {
    workspace.write('prune-inputs/a.txt', `${input}\n`);
    const run = workspace.nx('run', `governance:${GATE}`);
    expect(run.code).toBe(0);
    return run;
  };

  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('governance/gates.json', JSON.stringify({ gates: [gate] }, null, 2));
    workspace.commit('a gate');
    for (let run = 1; run <= 5; run++) runGate(`run ${run}`);
  });
  afterAll(() => workspace.remove());

  it('a dry run lists what would go, deletes nothing and exits 0', () => {
    const before = [records(), logs()];
    const dry = workspace.nx('run', 'governance:prune-evidence', '--keep=2');
    expect(dry.code).toBe(0);
    expect(dry.output).toMatch(new RegExp(`gates/${GATE}: kept 2, would prune 3 \\(9 file\\(s\\), [\\d.]+ kB\\)`));
    expect(dry.output).toContain('Dry run: nothing was deleted. To delete, run nx run governance:prune-evidence --keep=2 --apply');
    expect([records(), logs()]).toEqual(before);
  });

  it('--apply deletes the oldest records and their logs, and verify-evidence still passes', () => {
    const applied = workspace.nx('run', 'governance:prune-evidence', '--keep=2', '--apply', '--json=reports/prune.json');
    expect(applied.code).toBe(0);
    expect(applied.output).toMatch(new RegExp(`gates/${GATE}: kept 2, pruned 3 \\(9 file\\(s\\), [\\d.]+ kB\\)`));
    expect(records()).toEqual([`000004-${GATE}.json`, `000004-${GATE}.md`, `000005-${GATE}.json`, `000005-${GATE}.md`, 'anchor-000004.json']);
    expect(logs()).toHaveLength(2);
    const verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.output).toContain('evidence file(s) verify.');
    expect(verify.code).toBe(0);
  });

  it('an older run Nx restores from its cache brings back pruned history; verify-evidence passes and names it, the next prune removes it', () => {
    const restored = runGate('run 1');
    expect(servedFromCache(restored, `governance:${GATE}`)).toBe(true);
    expect(records()).toContain(`000001-${GATE}.json`);
    const verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.output).toContain(`${FOLDER}/records: 1 record(s) before the anchor anchor-000004.json are history, not chain`);
    expect(verify.code).toBe(0);
    // While latest is that run's record, it stays.
    expect(workspace.nx('run', 'governance:prune-evidence', '--keep=2', '--apply').output).toContain(`${FOLDER}/records/000001-${GATE}.json: kept outside the history: latest.json is a copy of it`);
    // Run 5's cache entry holds the whole chain as it was then: records 1 to 3 come back, still history, and go again.
    expect(servedFromCache(runGate('run 5'), `governance:${GATE}`)).toBe(true);
    expect(records()).toContain(`000003-${GATE}.json`);
    expect(workspace.nx('run', 'governance:verify-evidence').code).toBe(0);
    expect(workspace.nx('run', 'governance:prune-evidence', '--keep=2', '--apply').output).toMatch(new RegExp(`gates/${GATE}: kept 2, pruned 3 `));
    expect(records()).toEqual([`000004-${GATE}.json`, `000004-${GATE}.md`, `000005-${GATE}.json`, `000005-${GATE}.md`, 'anchor-000004.json']);
    expect(workspace.nx('run', 'governance:verify-evidence').code).toBe(0);
  });

  it('an edited anchor fails verify-evidence', () => {
    workspace.edit(`${FOLDER}/records/anchor-000004.json`, '"pruned": 3', '"pruned": 1');
    const verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.code).not.toBe(0);
    expect(verify.output).toContain(`${FOLDER}/records/anchor-000004.json: tampered: the record does not match its sha256 digest`);
  });
});
