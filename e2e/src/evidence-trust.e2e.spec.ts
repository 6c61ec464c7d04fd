import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealGateEvidence } from '../../packages/nx-governance/src/lib/evidence/gate-store';
import { readAs } from '../../packages/nx-governance/src/test-helpers/spoofing';
import { TestWorkspace } from '../helpers/workspace';
import { commandGate } from '../helpers/gate-fixtures';

const SPOOF = '\n- Result: pass\n- [x] Reviewed and approved\n| 9 | `fake` | 0 | 0.0s | - |\n```\n<b>html</b>';
const gate = (id: string, fields: object) => commandGate(id, { owner: 'release-manager', inputs: ['e2e-inputs/**'], ...fields });
const node = (script: string, ...args: string[]) => ['node', '-e', script, ...args];
const GATES = [
  gate('VG-E2E-OK-001', { steps: [{ argv: node("console.log('1 passed, 0 failed')") }] }),
  gate('VG-E2E-FAIL-001', { steps: [{ argv: node("console.error('boom'); process.exit(3)") }] }),
  gate('VG-E2E-SPOOF-001', {
    title: `Spoofed title${SPOOF}`,
    steps: [{ name: `step${SPOOF}`, argv: node(`console.log(${JSON.stringify(`output${SPOOF}`)}); process.exit(2)`, `arg${SPOOF}`) }],
  }),
];

/**
 * Issue 11, "evidence that holds": each tampering a hostile reviewer tried
 * (cases 1-5 of the issue), the markdown spoofing matrix and the path escapes,
 * on the bundled workspace with three synthetic gates, real nx and git. The
 * evidence is committed, as a team would, and every case starts from it.
 */
describe('evidence that holds', () => {
  let workspace: TestWorkspace;
  let gatesCommit: string;
  const ok = 'evidence/gates/VG-E2E-OK-001';
  const failed = 'evidence/gates/VG-E2E-FAIL-001';
  const verify = () => workspace.nx('run', 'governance:verify-evidence', '--stale=false');
  const json = (path: string) => JSON.parse(workspace.read(path));
  const writeJson = (path: string, value: unknown) => workspace.write(path, `${JSON.stringify(value, null, 2)}\n`);
  const rollbackCheck = () => workspace.nx('run', 'governance:rollback-check', `--candidate=${gatesCommit}`, `--baseline=${gatesCommit}`);

  beforeAll(() => {
    workspace = TestWorkspace.create();
    const gates = json('governance/gates.json');
    gates.gates.push(...GATES);
    writeJson('governance/gates.json', gates);
    const playbook = json('governance/playbook.json');
    playbook.rollbackTriggers = playbook.rollbackTriggers.map((t: { kind: string }) => (t.kind === 'functional' ? { ...t, gates: ['VG-E2E-FAIL-001'] } : t));
    writeJson('governance/playbook.json', playbook);
    workspace.write('e2e-inputs/a.txt', 'a\n');
    gatesCommit = workspace.commit('e2e gates');
    for (const id of ['VG-E2E-OK-001', 'VG-E2E-FAIL-001', 'VG-E2E-SPOOF-001']) workspace.nx('run', `governance:${id}`);
    workspace.nx('run', 'governance:gate', '--task=M6-T01');
    workspace.commit('evidence');
  });
  afterAll(() => workspace.remove());
  afterEach(() => {
    workspace.git('reset', '-q', '--hard', 'HEAD');
    workspace.git('clean', '-fdq');
  });

  it('verifies the evidence as recorded', () => {
    const run = verify();
    expect(run.output).not.toMatch(/: (tampered|broken-chain|missing|misplaced|markdown-differs|unknown-kind)/);
    expect(run.code).toBe(0);
  });

  it('case 1: a record whose kind is changed is an error, and rollback-check still rolls back', () => {
    expect(rollbackCheck().output).toMatch(/functional\s+fired/);
    for (const file of [`${failed}/latest.json`, `${failed}/records/000001-VG-E2E-FAIL-001.json`]) {
      workspace.write(file, workspace.read(file).replace('"kind": "nx-governance/gate-evidence"', '"kind": "nx-governance/note"').replace('"result": "fail"', '"result": "pass"'));
    }
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${failed}/latest.json: unknown-kind`);
    const check = rollbackCheck();
    expect(check.code).not.toBe(0);
    expect(check.output).not.toContain('No trigger fired');
    expect(check.output).toMatch(/functional\s+fired\s+evidence does not verify/);
  });

  it('case 2: a forged record with a recomputed sha256 and no signature fails while governance/keys/ holds a key', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    workspace.write('governance/keys/release-manager.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const original = json(`${failed}/latest.json`);
    const forged = sealGateEvidence({ ...original.record, result: 'pass', notes: [] });
    for (const file of [`${failed}/latest.json`, `${failed}/records/000001-VG-E2E-FAIL-001.json`]) writeJson(file, forged);
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${failed}/latest.json: unsigned`);
    expect(rollbackCheck().output).toMatch(/functional\s+fired\s+evidence does not verify: evidence\/gates\/VG-E2E-FAIL-001\/\S+: unsigned/);
  });

  it('case 2: a bad key file is named, not a crash', () => {
    workspace.write('governance/keys/broken.pem', '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    workspace.write('governance/keys/rsa.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('governance/keys/broken.pem: found no readable PEM public key');
    expect(run.output).toContain('governance/keys/rsa.pem: found a rsa key, expected an Ed25519 public key');
  });

  it('case 3: the newest record of a one-record chain deleted is missing', () => {
    workspace.delete(`${ok}/records/000001-VG-E2E-OK-001.json`);
    workspace.delete(`${ok}/records/000001-VG-E2E-OK-001.md`);
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${ok}/records/000001-VG-E2E-OK-001.json: missing`);
  });

  it('case 3: a whole gate folder deleted is missing', () => {
    rmSync(workspace.path(ok), { recursive: true });
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${ok}/latest.json: missing`);
  });

  it("case 3: a one-record chain replaced by another gate's record is misplaced", () => {
    for (const [from, to] of [
      ['records/000001-VG-E2E-FAIL-001', 'records/000001-VG-E2E-OK-001'],
      ['latest', 'latest'],
    ]) {
      for (const ext of ['.json', '.md']) workspace.write(`${ok}/${to}${ext}`, workspace.read(`${failed}/${from}${ext}`));
    }
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${ok}/latest.json: misplaced: record.gate: found VG-E2E-FAIL-001, expected VG-E2E-OK-001`);
  });

  it('case 4: latest.md and records/*.md edited from fail to pass are named', () => {
    for (const file of [`${failed}/latest.md`, `${failed}/records/000001-VG-E2E-FAIL-001.md`]) workspace.edit(file, '- Result: fail', '- Result: pass');
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${failed}/latest.md: markdown-differs`);
    expect(run.output).toContain(`${failed}/records/000001-VG-E2E-FAIL-001.md: markdown-differs`);
  });

  it("case 4: a task copy's context is covered", () => {
    const day = new Date().toISOString().slice(0, 10);
    const copy = `evidence/${day}/milestone-M6/M6-T01-VG-CONTRACT-001.json`;
    workspace.write(copy, workspace.read(copy).replace(/"task": "M6-T01"/g, '"task": "M6-T02"'));
    const run = verify();
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`${copy}: tampered`);
  });

  it('case 5: without keys it says plainly that records are unsigned', () => {
    const run = verify();
    expect(run.output).toContain('Records are unsigned');
    expect(run.output).toContain('anyone who can write to the repository can forge one');
  });

  it('spoofing: a gate title, argv, step output and note with newlines cannot add a result line, a checked item or a table row', () => {
    const markdown = workspace.read('evidence/gates/VG-E2E-SPOOF-001/latest.md');
    const read = readAs(markdown);
    expect(read.results).toEqual(['fail']);
    expect(read.checked).toEqual([]);
    // The steps table: header, separator, one row, each of five cells.
    expect(read.tableRows).toEqual([7, 7, 7]);
    expect(read.fences).toBe(2);
    // HTML only as text inside code; none a renderer would run.
    expect(read.html).toEqual([]);
  });

  it('paths: an evidence pattern that leaves the workspace is a validate error with its file and line', () => {
    const settings = json('governance/governance.json');
    writeJson('governance/governance.json', { ...settings, evidencePattern: '../../escape/{task}-{gate}.md' });
    const run = workspace.nx('run', 'governance:validate');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/governance\/governance\.json:\d+: evidencePattern/);
  });

  it('paths: --releaseVersion=../../../x is refused', () => {
    // evidence/releases/../../../<name> is a folder beside the workspace.
    const name = `nx-governance-escape-${process.pid}-${Date.now()}`;
    const run = workspace.nx('run', 'governance:release-readiness', `--releaseVersion=../../../${name}`, '--class=R2', '--approver=e2e');
    const escaped = join(workspace.root, '..', name);
    const wroteOutside = existsSync(escaped);
    rmSync(escaped, { recursive: true, force: true });
    expect(wroteOutside).toBe(false);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`--releaseVersion: found "../../../${name}"`);
  });

  it('paths: a symlinked records folder is refused, by the gate and by verify-evidence', () => {
    const outside = mkdtempSync(join(tmpdir(), 'nx-governance-outside-'));
    try {
      cpSync(workspace.path(`${ok}/records`), join(outside, 'records'), { recursive: true });
      rmSync(workspace.path(`${ok}/records`), { recursive: true });
      symlinkSync(join(outside, 'records'), workspace.path(`${ok}/records`), 'dir');
      workspace.write('e2e-inputs/a.txt', 'b\n');
      const run = workspace.nx('run', 'governance:VG-E2E-OK-001');
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(`${ok}/records: found a symlink inside the evidence folder`);
      const verified = verify();
      expect(verified.code).not.toBe(0);
      expect(verified.output).toContain(`${ok}/records: symlink`);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
