import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyEvidence } from '../../packages/nx-governance/src/lib/evidence/verify-evidence';
import { defaultGovernanceSettings } from '../../packages/nx-governance/src/lib/schemas/governance';
import { NX_BIN, servedFromCache, tasksExecuted, TestWorkspace, withoutNxSettings } from '../helpers/workspace';
import { commandGate } from '../helpers/gate-fixtures';

const node = (script: string, ...args: string[]) => ['node', '-e', script, ...args];
const gate = commandGate;

const GATES = [
  gate('VG-OK-001', { steps: [{ argv: node("console.log('3 passed, 0 failed')") }], passCriteria: { minTests: { count: 1 } } }),
  gate('VG-FAIL-001', { steps: [{ argv: node("console.error('boom'); process.exit(3)") }] }),
  gate('VG-ZERO-001', { steps: [{ argv: node("console.log('0 passed, 0 failed')") }], passCriteria: { minTests: { count: 1 } } }),
  gate('VG-SKIP-001', { steps: [{ argv: node("console.log('0 passed, 0 failed, 4 skipped')") }], passCriteria: { minTests: { count: 1 } } }),
  gate('VG-TIMEOUT-001', { timeoutSeconds: 2, steps: [{ argv: node('setInterval(() => {}, 1000)') }] }),
  gate('VG-BLOCKED-001', { owner: 'platform-team', requires: { tools: ['no-such-tool-xyz'] }, steps: [{ argv: ['node', '--version'] }] }),
  gate('VG-MISSING-001', { steps: [{ argv: ['no-such-command-xyz', '--check'] }] }),
  gate('VG-INJECT-001', { steps: [{ argv: node('console.log(JSON.stringify(process.argv.slice(1)))', '; rm -rf $HOME', '$(touch canary)', '`touch canary`') }] }),
  gate('VG-ADVISORY-001', { enforcement: 'advisory', steps: [{ argv: node('process.exit(1)') }] }),
  gate('VG-SLOW-001', { steps: [{ argv: node("let i = 0; const t = setInterval(() => { console.log('line ' + i++); if (i > 40) clearInterval(t); }, 40)") }] }),
  { id: 'VG-MANUAL-001', title: 'Manual', scope: 'e2e', owner: 'qa', kind: 'manual', checklist: ['Reviewed.'] },
];

function syntheticWorkspace(): TestWorkspace {
  const workspace = TestWorkspace.create({ bundled: false });
  workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
  workspace.write('governance/gates.json', JSON.stringify({ gates: GATES }, null, 2));
  workspace.commit('synthetic gates');
  return workspace;
}

/** Starts nx in its own process group, as a terminal would, so signals reach the whole run. */
function startNx(workspace: TestWorkspace, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [NX_BIN, ...args], {
    cwd: workspace.root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...withoutNxSettings(process.env), ...workspace.nxEnv(), ...env },
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, output })),
  );
  return { child, done, output: () => output };
}

function verify(workspace: TestWorkspace) {
  return verifyEvidence(workspace.root, defaultGovernanceSettings(), { policy: { publicKeys: [], required: false, keysFolder: 'governance/keys' } });
}

describe('gates that fail, block, wait, and are attacked, killed or run twice', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = syntheticWorkspace()));
  afterAll(() => workspace.remove());

  it('judges every kind of outcome, and reports it as JSON and JUnit', () => {
    const run = workspace.nx('run', 'governance:gate', '--json=reports/gates.json', '--junit=reports/gates.xml');
    expect(run.code).not.toBe(0);
    const report = JSON.parse(workspace.read('reports/gates.json'));
    const byGate = Object.fromEntries(report.gates.map((g: { gate: string; result: string; notes: string }) => [g.gate, `${g.result}: ${g.notes}`]));
    expect(byGate).toEqual({
      'VG-OK-001': 'pass: ',
      'VG-FAIL-001': 'fail: step 1 exited 3',
      'VG-ZERO-001': 'fail: minimum tests not met: 0 test(s) executed (0 passed, 0 failed, 0 skipped) from the runner summary, expected at least 1',
      'VG-SKIP-001': 'fail: minimum tests not met: 0 test(s) executed (0 passed, 0 failed, 4 skipped) from the runner summary, expected at least 1',
      'VG-TIMEOUT-001': "fail: timeout: the gate's 2s ran out during step 1",
      'VG-BLOCKED-001': 'blocked: blocked: no-such-tool-xyz not found on PATH; owner: platform-team',
      'VG-MISSING-001': 'blocked: blocked: no-such-command-xyz not found; owner: qa',
      'VG-INJECT-001': 'pass: ',
      'VG-ADVISORY-001': 'fail: step 1 exited 1',
      'VG-SLOW-001': 'pass: ',
      'VG-MANUAL-001': 'pending: pending: no attestation for the current inputs; qa attests with nx run governance:attest --gate=VG-MANUAL-001',
    });
    expect(run.output).toContain(
      '7 blocking gate(s) did not pass: VG-FAIL-001 (fail), VG-ZERO-001 (fail), VG-SKIP-001 (fail), VG-TIMEOUT-001 (fail), VG-BLOCKED-001 (blocked), VG-MISSING-001 (blocked), VG-MANUAL-001 (pending).',
    );
    const junit = workspace.read('reports/gates.xml');
    // Blocking fail, blocked and pending are failures (the run failed); the advisory finding is a passed case with a note.
    expect(junit).toContain('<testsuite name="nx-governance gates: every gate (no playbook release class)" tests="11" failures="7" errors="0" skipped="0"');
    expect(junit).toMatch(/<testcase name="VG-ADVISORY-001" classname="governance.advisory" time="[\d.]+">\n\s+<system-out>advisory finding, not blocking: fail: step 1 exited 1<\/system-out>/);
    expect(junit).toMatch(/<failure message="fail: step 1 exited 3" type="fail">boom<\/failure>/);
    expect(junit).toContain('<testcase name="VG-TIMEOUT-001" classname="governance.blocking"');
    expect(workspace.read('evidence/gates/VG-TIMEOUT-001/latest.md')).toContain('| 1 | `node -e setInterval(() => {}, 1000)` | timeout |');
  });

  it('refuses to run on a dirty tree with --requireClean, and records the dirty tree otherwise', () => {
    workspace.write('notes.txt', 'uncommitted\n');
    const refused = workspace.nx('run', 'governance:gate', '--gate=VG-OK-001', '--requireClean');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('The tree has uncommitted changes; --requireClean refuses to produce evidence for it.');
    expect(tasksExecuted(refused)).toEqual([]);
    workspace.nx('run', 'governance:VG-OK-001', '--skip-nx-cache');
    expect(JSON.parse(workspace.read('evidence/gates/VG-OK-001/latest.json')).record.git.dirty).toBe(true);
    workspace.delete('notes.txt');
  });

  it('passes arguments to commands literally: nothing reaches a shell', () => {
    const record = JSON.parse(workspace.read('evidence/gates/VG-INJECT-001/latest.json')).record;
    expect(JSON.parse(record.steps[0].tail[0])).toEqual(['; rm -rf $HOME', '$(touch canary)', '`touch canary`']);
    expect(workspace.exists('canary')).toBe(false);
  });

  it('never caches a failed gate as passed', () => {
    const run = workspace.nx('run', 'governance:VG-FAIL-001');
    expect(run.code).not.toBe(0);
    expect(servedFromCache(run, 'governance:VG-FAIL-001')).toBe(false);
    // VG-OK-001 reads the whole workspace, which earlier cases changed: run it once, then it comes from the cache.
    workspace.nx('run', 'governance:VG-OK-001');
    const ok = workspace.nx('run', 'governance:VG-OK-001');
    expect(servedFromCache(ok, 'governance:VG-OK-001')).toBe(true);
  });

  it('records an attested manual gate as passed, naming who attested', () => {
    workspace.write('answers.json', JSON.stringify([{ answer: 'yes', note: 'looked at it' }]));
    const attest = workspace.nx('run', 'governance:attest', '--gate=VG-MANUAL-001', '--answers=answers.json');
    expect(attest.code).toBe(0);
    const run = workspace.nx('run', 'governance:VG-MANUAL-001');
    expect(run.code).toBe(0);
    const record = JSON.parse(workspace.read('evidence/gates/VG-MANUAL-001/latest.json')).record;
    expect(record).toMatchObject({ result: 'pass', checklist: [{ item: 'Reviewed.', answer: 'yes', note: 'looked at it' }], attestation: { by: 'e2e <e2e@example.com>' } });
  });

  it('leaves no half-written evidence when killed with SIGKILL at 20 different moments', async () => {
    const delays = Array.from({ length: 20 }, (_, i) => 150 + ((i * 397) % 2300));
    for (const delay of delays) {
      const { child, done } = startNx(workspace, ['run', 'governance:VG-SLOW-001', '--skip-nx-cache']);
      await new Promise((r) => setTimeout(r, delay));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // The run had already finished.
      }
      await done;
      expect(verify(workspace).problems).toEqual([]);
    }
    const chain = readdirSync(workspace.path('evidence/gates/VG-SLOW-001/records')).filter((n) => n.endsWith('.json'));
    for (const name of chain) expect(JSON.parse(workspace.read(`evidence/gates/VG-SLOW-001/records/${name}`)).record.result).toBe('pass');
    expect(workspace.nx('run', 'governance:VG-SLOW-001', '--skip-nx-cache').code).toBe(0);
    const leftovers = readdirSync(workspace.path('evidence/gates/VG-SLOW-001/records')).filter((n) => n.endsWith('.tmp'));
    expect(leftovers).toEqual([]);
  }, 300_000);

  it('stops on Ctrl-C (SIGINT) with exit code 130, marks the gate interrupted and caches nothing', async () => {
    const slower = gate('VG-SLOWER-001', { steps: [{ argv: node("let i = 0; const t = setInterval(() => { console.log('line ' + i++); if (i > 100) clearInterval(t); }, 100)") }] });
    workspace.write('governance/gates.json', JSON.stringify({ gates: [...GATES, slower] }, null, 2));
    const { child, done, output } = startNx(workspace, ['run', 'governance:VG-SLOWER-001']);
    while (!output().includes('line 3')) await new Promise((r) => setTimeout(r, 50));
    process.kill(-child.pid!, 'SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    expect(JSON.parse(workspace.read('evidence/gates/VG-SLOWER-001/latest.json')).record).toMatchObject({
      result: 'interrupted',
      notes: ['interrupted (Ctrl-C) while running this step'],
    });
    const again = startNx(workspace, ['run', 'governance:VG-SLOWER-001']);
    while (!again.output().includes('line 1')) await new Promise((r) => setTimeout(r, 50));
    process.kill(-again.child.pid!, 'SIGKILL');
    await again.done;
    expect(again.output()).not.toContain('[local cache]');
    // Back to the original gates: Nx hashes the whole project configuration, so the extra gate would make every other gate's evidence stale.
    workspace.write('governance/gates.json', JSON.stringify({ gates: GATES }, null, 2));
    expect(verify(workspace).problems).toEqual([]);
  }, 60_000);

  it('keeps the chain linear when two runs of a gate append at once', async () => {
    const runs = [0, 1].map(() => startNx(workspace, ['run', 'governance:VG-OK-001', '--skip-nx-cache']));
    const results = await Promise.all(runs.map((r) => r.done));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const dir = 'evidence/gates/VG-OK-001/records';
    const chain = readdirSync(workspace.path(dir)).filter((n) => n.endsWith('.json')).sort();
    const records = chain.map((n) => JSON.parse(workspace.read(`${dir}/${n}`)));
    expect(records.map((r) => r.record.sequence)).toEqual(records.map((_, i) => i + 1));
    records.slice(1).forEach((r, i) => expect(r.record.previousDigest).toBe(records[i].digest));
    expect(verify(workspace).problems).toEqual([]);
  }, 60_000);

  it('signs evidence with GOVERNANCE_SIGNING_KEY and names a signature that does not verify', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const keyFile = join(mkdtempSync(join(tmpdir(), 'nx-governance-key-')), 'signing.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    workspace.write('governance/keys/release-manager.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const run = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: keyFile }, 'run', 'governance:VG-OK-001', '--skip-nx-cache');
    expect(run.code).toBe(0);
    const latestFile = 'evidence/gates/VG-OK-001/latest.json';
    const evidence = JSON.parse(workspace.read(latestFile));
    expect(evidence.envelope.signatures).toHaveLength(1);
    const clean = workspace.nx('run', 'governance:verify-evidence');
    // The other gates read the whole workspace, which the new key file changed: they are stale, and say so.
    // With a key committed, every record must be signed: the gate's earlier, unsigned records are named; the signed one is not.
    const named = clean.output.split('\n').filter((l) => l.startsWith('evidence/gates/VG-OK-001'));
    expect(named.length).toBeGreaterThan(0);
    expect(named.every((l) => /\/records\/\d{6}-VG-OK-001\.json: unsigned: /.test(l))).toBe(true);
    expect(named.some((l) => l.includes(`/${String(evidence.record.sequence).padStart(6, '0')}-`))).toBe(false);
    const sig = evidence.envelope.signatures[0].sig;
    const forged = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    workspace.write(latestFile, readFileSync(workspace.path(latestFile), 'utf8').replace(sig, forged));
    const verifyRun = workspace.nx('run', 'governance:verify-evidence');
    expect(verifyRun.code).not.toBe(0);
    expect(verifyRun.output).toContain(`${latestFile}: bad-signature: 1 of 1 signature(s) do not verify against the keys in governance/keys/`);
  });
});

describe('a second clone that shares the first one\'s cache', () => {
  it('restores the evidence without running the gate, and it verifies there', () => {
    const first = syntheticWorkspace();
    // Nx indexes its cache folder in its workspace database: the two travel together.
    const shared = mkdtempSync(join(tmpdir(), 'nx-governance-shared-cache-'));
    const sharedEnv = { NX_CACHE_DIRECTORY: join(shared, 'cache'), NX_WORKSPACE_DATA_DIRECTORY: join(shared, 'data') };
    try {
      expect(first.nxWithEnv(sharedEnv, 'run', 'governance:VG-OK-001').code).toBe(0);
      const second = first.cloneTo();
      try {
        const run = second.nxWithEnv(sharedEnv, 'run', 'governance:VG-OK-001');
        expect(run.code).toBe(0);
        expect(servedFromCache(run, 'governance:VG-OK-001')).toBe(true);
        expect(second.read('evidence/gates/VG-OK-001/latest.json')).toBe(first.read('evidence/gates/VG-OK-001/latest.json'));
        const verifyRun = second.nx('run', 'governance:verify-evidence');
        expect(verifyRun.code).toBe(0);
        expect(verifyRun.output).toContain('evidence file(s) verify.');
      } finally {
        second.remove();
      }
    } finally {
      first.remove();
      rmSync(shared, { recursive: true, force: true });
    }
  });
});

const hasTmux = spawnSync('tmux', ['-V']).status === 0;

(hasTmux ? describe : describe.skip)('attest in a terminal', () => {
  it('asks each checklist item (y/n and a note) and records the answers and who gave them', () => {
    const workspace = syntheticWorkspace();
    const session = `nx-governance-attest-${process.pid}`;
    const tmux = (...args: string[]) => spawnSync('tmux', args, { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-p', '-t', session).stdout;
    const waitFor = (text: string, seen = 0) => {
      for (let i = 0; i < 300; i++) {
        if (screen().split(text).length - 1 > seen) return;
        spawnSync('sleep', ['0.1']);
      }
      throw new Error(`the terminal never showed ${JSON.stringify(text)}:\n${screen()}`);
    };
    const env = Object.entries(workspace.nxEnv()).map(([k, v]) => `${k}='${v}'`).join(' ');
    try {
      tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '60', `cd '${workspace.root}' && env ${env} '${process.execPath}' '${NX_BIN}' run governance:attest --gate=VG-MANUAL-001; echo EXIT=$?; sleep 60`);
      waitFor('Confirmed? [y/n]');
      tmux('send-keys', '-t', session, 'y', 'Enter');
      waitFor('Note (optional)');
      tmux('send-keys', '-t', session, 'read it twice', 'Enter');
      waitFor('EXIT=');
      expect(screen()).toContain('EXIT=0');
      const record = JSON.parse(workspace.read('evidence/gates/VG-MANUAL-001/latest.json')).record;
      expect(record).toMatchObject({ result: 'pass', checklist: [{ item: 'Reviewed.', answer: 'yes', note: 'read it twice' }], attestation: { by: 'e2e <e2e@example.com>' } });
    } finally {
      tmux('kill-session', '-t', session);
      workspace.remove();
    }
  }, 60_000);
});
