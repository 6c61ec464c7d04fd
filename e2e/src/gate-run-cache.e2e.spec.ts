import { generateKeyPairSync } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { commandGate, nodeStep, ONE_PASSED } from '../helpers/gate-fixtures';
import { servedFromCache, tasksExecuted, TestWorkspace } from '../helpers/workspace';

/**
 * Issue 14: a cached gate run costs about a no-op. The aggregate that judges a
 * scope is an Nx task cached like any other: restored when the governance data
 * is what it was, with the task evidence it filed, and judged again by the
 * post-run hook on its gates' records as they are; run again when the data
 * changed. A restored run adds no files. (Issue 22: its hash leaves out the
 * gates' records, which Nx expanded gate by gate before every run.)
 */
const gate = (id: string, script: string) => commandGate(id, { steps: [nodeStep(script)], inputs: ['inputs/**/*'] });
const PASSING = ONE_PASSED;
const milestone = [
  '# M1 - Cached runs',
  '',
  '## Task Cards',
  '',
  '### M1-T01 Both gates',
  '',
  '- Goal: both gates pass.',
  '- Status: in progress',
  '- Required gates: VG-A-001, VG-B-001',
  '',
].join('\n');

describe('a cached gate run', () => {
  let workspace: TestWorkspace;
  const evidenceFiles = () => workspace.files('evidence').filter((file) => !file.endsWith('.lock')).sort();
  const taskCopies = () => evidenceFiles().filter((file) => file.includes('/milestone-M1/'));

  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('governance/milestones/M1.md', milestone);
    workspace.write('inputs/README.md', 'What the gates read.\n');
    for (const id of ['VG-A-001', 'VG-B-001']) workspace.write(`governance/gates/${id}.json`, JSON.stringify(gate(id, PASSING), null, 2));
    workspace.commit('two gates and a task card');
  });
  afterAll(() => workspace.remove());

  it('runs the gates and the aggregate once, filing the task card\'s evidence under the day the gates ran', () => {
    const run = workspace.nx('run', 'governance:gate-M1-T01');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['governance:VG-A-001', 'governance:VG-B-001', 'governance:gate-M1-T01']);
    const day = new Date().toISOString().slice(0, 10);
    expect(taskCopies()).toEqual([
      `evidence/${day}/milestone-M1/M1-T01-VG-A-001.json`,
      `evidence/${day}/milestone-M1/M1-T01-VG-A-001.md`,
      `evidence/${day}/milestone-M1/M1-T01-VG-B-001.json`,
      `evidence/${day}/milestone-M1/M1-T01-VG-B-001.md`,
    ]);
  });

  it('restores the whole run the second time, aggregate included, and adds no evidence file', () => {
    const before = evidenceFiles();
    const run = workspace.nx('run', 'governance:gate-M1-T01');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual([]);
    expect(servedFromCache(run, 'governance:gate-M1-T01')).toBe(true);
    expect(run.output).toContain('All 2 required gate(s) passed.');
    expect(evidenceFiles()).toEqual(before);
  });

  it('writes the reports asked for on a restored run, saying the gates were restored', () => {
    const withReports = ['run', 'governance:gate-M1-T01', '--junit=reports/run.xml', '--json=reports/run.json'];
    expect(workspace.nx(...withReports).code).toBe(0); // Nx hashes the options: the first run with them runs the aggregate
    workspace.delete('reports');
    const run = workspace.nx(...withReports);
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual([]);
    const report = JSON.parse(workspace.read('reports/run.json'));
    expect(report).toMatchObject({ kind: 'nx-governance/gate-run', passed: true });
    expect(report.gates.map((g: { gate: string; origin: string }) => `${g.gate} ${g.origin}`)).toEqual(['VG-A-001 restored', 'VG-B-001 restored']);
    expect(workspace.read('reports/run.xml')).toContain('<testcase name="VG-B-001"');
  });

  it('brings the task evidence back with the aggregate when it is gone (a fresh clone that did not commit it)', () => {
    const copies = taskCopies();
    for (const file of copies) workspace.delete(file);
    const run = workspace.nx('run', 'governance:gate-M1-T01');
    expect(run.code).toBe(0);
    expect(servedFromCache(run, 'governance:gate-M1-T01')).toBe(true);
    expect(taskCopies()).toEqual(copies);
  });

  it('judges again when a gate ran again, and when the task card names other gates', () => {
    workspace.write('inputs/README.md', 'What the gates read, edited.\n');
    const rerun = workspace.nx('run', 'governance:gate-M1-T01');
    expect(rerun.code).toBe(0);
    expect(tasksExecuted(rerun)).toEqual(['governance:VG-A-001', 'governance:VG-B-001']);
    // Restored, and judged on the records the gates just wrote: their table follows the one Nx replayed.
    expect(servedFromCache(rerun, 'governance:gate-M1-T01')).toBe(true);
    const afterReplay = rerun.output.slice(rerun.output.indexOf('governance:gate-M1-T01 was restored from the cache; 2 of its gate(s) ran in this run'));
    expect(afterReplay).toMatch(/VG-A-001[^\n]*pass[\s\S]*All 2 required gate\(s\) passed/);
    expect(afterReplay).toContain('milestone-M1/M1-T01-VG-A-001-r2.md');
    // The same day, newer records: new copies beside the old ones, nothing overwritten.
    expect(taskCopies().filter((file) => file.endsWith('-r2.md'))).toHaveLength(2);

    workspace.write('governance/milestones/M1.md', milestone.replace('- Required gates: VG-A-001, VG-B-001', '- Required gates: VG-A-001'));
    const narrowed = workspace.nx('run', 'governance:gate-M1-T01');
    expect(narrowed.code).toBe(0);
    expect(tasksExecuted(narrowed)).toEqual(['governance:gate-M1-T01']);
    expect(narrowed.output).toContain('1 gate(s) of task M1-T01: VG-A-001');
  });

  it('judges again when the data turns invalid outside the scope: a target step\'s target renamed in its project', () => {
    workspace.write('libs/a/project.json', JSON.stringify({ name: 'liba', targets: { check: { executor: 'nx:noop' } } }, null, 2));
    workspace.write('governance/gates/VG-C-001.json', JSON.stringify(commandGate('VG-C-001', { steps: [{ target: 'liba:check' }], inputs: [] }), null, 2));
    workspace.commit('a gate outside the task card, on another project');
    expect(workspace.nx('run', 'governance:gate-M1-T01').code).toBe(0);
    expect(servedFromCache(workspace.nx('run', 'governance:gate-M1-T01'), 'governance:gate-M1-T01')).toBe(true);
    workspace.write('libs/a/project.json', JSON.stringify({ name: 'liba', targets: { check2: { executor: 'nx:noop' } } }, null, 2));
    try {
      const run = workspace.nx('run', 'governance:gate-M1-T01');
      expect(run.code).not.toBe(0);
      expect(servedFromCache(run, 'governance:gate-M1-T01')).toBe(false);
      expect(run.output).toContain('project liba has no target "check"');
    } finally {
      workspace.delete('governance/gates/VG-C-001.json');
      workspace.delete('libs');
      workspace.commit('no gate on another project');
    }
  });

  it('judges again when a trusted key makes signatures required: unsigned gates fail until they run with a signing key', () => {
    workspace.write('governance/milestones/M1.md', milestone); // both gates again
    expect(workspace.nx('run', 'governance:gate-M1-T01').code).toBe(0);
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const keyFile = join(workspace.root, '..', `${basename(workspace.root)}-signing.pem`);
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    workspace.write('governance/keys/trusted.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    workspace.commit('records must be signed');
    try {
      const unsigned = workspace.nx('run', 'governance:gate-M1-T01');
      expect(unsigned.code).not.toBe(0);
      expect(servedFromCache(unsigned, 'governance:gate-M1-T01')).toBe(false);
      const signed = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: keyFile }, 'run', 'governance:gate-M1-T01');
      expect(signed.code).toBe(0);
      expect(servedFromCache(signed, 'governance:gate-M1-T01')).toBe(false);
      for (const gate of ['VG-A-001', 'VG-B-001']) expect(JSON.parse(workspace.read(`evidence/gates/${gate}/latest.json`)).envelope.signatures).toHaveLength(1);
    } finally {
      workspace.delete('governance/keys');
      workspace.commit('no keys');
      rmSync(keyFile, { force: true });
    }
  });

  it('never restores a failure: a failing gate fails the run every time', () => {
    workspace.write('governance/gates/VG-B-001.json', JSON.stringify(gate('VG-B-001', "console.log('0 passed, 1 failed'); process.exit(1)"), null, 2));
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = workspace.nx('run', 'governance:gate-M1-T01');
      expect(run.code).not.toBe(0);
      expect(run.output).toContain('1 blocking gate(s) did not pass: VG-B-001 (fail).');
    }
  });
});
