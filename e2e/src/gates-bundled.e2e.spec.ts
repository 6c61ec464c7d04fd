import { readdirSync, renameSync } from 'node:fs';
import { servedFromCache, tasksExecuted, TestWorkspace } from '../helpers/workspace';

const R2 = ['VG-GOVERNANCE-001', 'VG-LOOP-BUILD-001', 'VG-LOOP-TEST-001', 'VG-LOOP-CONTRACT-001', 'VG-COMPAT-001', 'VG-CONTRACT-001'];

describe('nx run governance:gate on the bundled workspace', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  const latest = (gate: string) => JSON.parse(workspace.read(`evidence/gates/${gate}/latest.json`));

  it('runs the default release class, prints a summary table and exits 0', () => {
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).toBe(0);
    expect(run.output).toContain(`6 gate(s) of release class R2 (Consumer-visible): ${R2.join(', ')}`);
    expect(run.output).toMatch(/VG-LOOP-TEST-001\s+pass\s+[\d.]+s\s+evidence\/gates\/VG-LOOP-TEST-001\/latest\.md/);
    expect(run.output).toContain('All 6 required gate(s) passed.');
  });

  it('writes evidence a reviewer and a machine can read', () => {
    const test = latest('VG-LOOP-TEST-001');
    expect(test.kind).toBe('nx-governance/gate-evidence');
    expect(test.record).toMatchObject({
      gate: 'VG-LOOP-TEST-001',
      result: 'pass',
      sequence: 1,
      previousDigest: null,
      git: { dirty: false, branch: 'main' },
      tests: { passed: 13, failed: 0, skipped: 0, source: 'cargo test' },
      criteria: [{ name: 'minimum tests', passed: true, value: 13 }],
      steps: [{ label: 'cargo test', argv: ['cargo', 'test', '--offline'], cwd: 'loop', exitCode: 0 }],
    });
    expect(test.record.git.commit).toBe(workspace.git('rev-parse', 'HEAD'));
    expect(test.record.git.consumers).toEqual({
      'io-rflx': expect.stringMatching(/^[0-9a-f]{40}$/),
      'loop-agent': expect.stringMatching(/^[0-9a-f]{40}$/),
      'rlm-claude-code': expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    expect(test.record.tools).toMatchObject({ node: process.version, nx: '24.0.0', plugin: '0.1.0', steps: { 'cargo test': expect.stringMatching(/^cargo \d/) } });
    expect(test.record.taskHash).toMatch(/^\d+$/);
    expect(test.record.steps[0].outputSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(workspace.exists(test.record.steps[0].log)).toBe(true);
    const statement = JSON.parse(Buffer.from(test.envelope.payload, 'base64').toString('utf8'));
    expect(statement).toMatchObject({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ digest: { gitCommit: test.record.git.commit } }],
      predicateType: 'https://in-toto.io/attestation/test-result/v0.1',
      predicate: { result: 'PASSED', governanceRecordDigest: test.digest },
    });
    expect(test.envelope.signatures).toEqual([]);
    const markdown = workspace.read('evidence/gates/VG-LOOP-TEST-001/latest.md');
    expect(markdown).toContain('- VG IDs: VG-LOOP-TEST-001\n- Command(s): `cargo test --offline`\n- Result: pass');
    expect(markdown).toContain('- met: minimum tests: 13 test(s) executed (13 passed, 0 failed, 0 skipped) from the runner summary, expected at least 10');
    expect(markdown).toMatch(/## Output of `cargo test --offline` \(last \d+ lines/);
    const manual = latest('VG-CONTRACT-001');
    expect(manual.record.attestation.by).toContain('<');
    expect(manual.record.checklist).toHaveLength(4);
  });

  it('runs no command the second time: every gate comes from the cache and its evidence is restored', () => {
    workspace.delete('evidence/gates/VG-LOOP-CONTRACT-001/latest.json');
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).toBe(0);
    // Nothing ran: the gates, validate (which VG-GOVERNANCE-001 needs) and the aggregate came from the cache; the hook judged the gates again.
    expect(tasksExecuted(run)).toEqual([]);
    expect(servedFromCache(run, 'governance:gate')).toBe(true);
    expect(latest('VG-LOOP-CONTRACT-001').record.result).toBe('pass');
    expect(run.output).toContain('All 6 required gate(s) passed.');
  });

  it('writes the task card evidence where the pattern says, once per record: a second run adds nothing', () => {
    const first = workspace.nx('run', 'governance:gate', '--task=M6-T01');
    const second = workspace.nx('run', 'governance:gate', '--task=M6-T01');
    expect([first.code, second.code]).toEqual([0, 0]);
    const day = new Date().toISOString().slice(0, 10);
    const folder = `evidence/${day}/milestone-M6`;
    expect(readdirSync(workspace.path(folder)).sort()).toEqual(['M6-T01-VG-CONTRACT-001.json', 'M6-T01-VG-CONTRACT-001.md']);
    expect(workspace.read(`${folder}/M6-T01-VG-CONTRACT-001.md`)).toContain(`- Date: ${day}\n- Task IDs: M6-T01\n- VG IDs: VG-CONTRACT-001\n- Command(s): manual checklist\n- Result: pass`);
    expect(JSON.parse(workspace.read(`${folder}/M6-T01-VG-CONTRACT-001.json`)).context).toEqual({ date: day, task: 'M6-T01', milestone: 'M6' });
  });

  it('re-runs only the gate whose inputs changed', () => {
    workspace.edit('governance/milestones/M6.md', 'M6 completed on 2026-02-19.', 'M6 completed on 2026-02-19 (reviewed).');
    workspace.commit('milestone note');
    const run = workspace.nx('run-many', `--targets=${R2.join(',')}`, '--projects=governance');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['governance:VG-GOVERNANCE-001', 'governance:validate']);
    expect(servedFromCache(run, 'governance:VG-LOOP-TEST-001')).toBe(true);
    expect(latest('VG-GOVERNANCE-001').record).toMatchObject({ sequence: 2, previousDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('verifies every record, then names each tampered, missing or swapped one', () => {
    expect(workspace.nx('run', 'governance:verify-evidence').code).toBe(0);
    const records = 'evidence/gates/VG-GOVERNANCE-001/records';
    const [first, second] = readdirSync(workspace.path(records)).filter((n) => n.endsWith('.json')).sort();
    const original = workspace.read(`${records}/${first}`);

    workspace.write(`${records}/${first}`, original.replace('"result": "pass"', '"result": "pasS"'));
    let verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.code).not.toBe(0);
    expect(verify.output).toContain(`${records}/${first}: tampered: the record does not match its sha256 digest`);

    workspace.write(`${records}/${first}`, original);
    renameSync(workspace.path(`${records}/${first}`), workspace.path(`${records}/.moved`));
    verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.output).toContain(`${records}/${second}: broken-chain: record 2 stands at position 1 of the chain`);

    renameSync(workspace.path(`${records}/.moved`), workspace.path(`${records}/${first}`));
    const a = workspace.read(`${records}/${first}`);
    const b = workspace.read(`${records}/${second}`);
    workspace.write(`${records}/${first}`, b);
    workspace.write(`${records}/${second}`, a);
    verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.code).not.toBe(0);
    expect(verify.output).toContain(`${records}/${first}: broken-chain: record 2 stands at position 1`);
    workspace.write(`${records}/${first}`, a);
    workspace.write(`${records}/${second}`, b);
    expect(workspace.nx('run', 'governance:verify-evidence').code).toBe(0);
  });

  it('names evidence that is no longer current', () => {
    workspace.edit('loop/tests/cli.rs', 'fn schema_version_is_v1() {', 'fn schema_version_is_v1() {\n    // still v1');
    const verify = workspace.nx('run', 'governance:verify-evidence');
    expect(verify.code).not.toBe(0);
    expect(verify.output).toMatch(/evidence\/gates\/VG-LOOP-TEST-001\/latest.json: stale: made for Nx task hash \d+, but the gate's inputs now hash to \d+/);
    workspace.git('checkout', '--', 'loop/tests/cli.rs');
  });
});
