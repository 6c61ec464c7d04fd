import { spawn, spawnSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NX_BIN, TestWorkspace } from '../helpers/workspace';
import { commandGate, nodeStep } from '../helpers/gate-fixtures';

/** Unique to this test run, in every step's command line, so `ps` finds exactly our processes. */
const TOKEN = `process-safety-${randomBytes(6).toString('hex')}`;
const gate = (id: string, script: string, extra: object = {}) => commandGate(id, { steps: [nodeStep(`/* ${TOKEN} */ ${script}`)], ...extra });

/** The step sleeps; its child starts a grandchild in a new session (setsid) that sleeps too; both write their pids. */
const grandchild = `/* ${TOKEN} */ require('fs').writeFileSync('grandchild.pid', String(process.pid)); setInterval(() => {}, 1000);`;
const HANGING_STEP = `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { detached: true, stdio: 'ignore' }).unref();
require('fs').writeFileSync('step.pid', String(process.pid)); setInterval(() => {}, 1000);`;

const GATES = [
  gate('VG-HANG-001', HANGING_STEP),
  gate('VG-QUICK-001', "console.log('1 passed, 0 failed')", { passCriteria: { minTests: { count: 1 } } }),
  commandGate('VG-BACKGROUND-001', { steps: [{ argv: ['sh', '-c', `sleep 1000 & echo $! > background.pid; echo '${TOKEN}: 1 passed, 0 failed'`] }] }),
  gate('VG-MARK-001', "require('fs').writeFileSync('step-ran', 'yes'); console.log('1 passed, 0 failed')"),
];

function syntheticWorkspace(): TestWorkspace {
  const workspace = TestWorkspace.create({ bundled: false });
  workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
  workspace.write('governance/gates.json', JSON.stringify({ gates: GATES }, null, 2));
  workspace.write('.gitignore', 'node_modules\n.nx\n*.pid\nstep-ran\n');
  workspace.commit('process safety gates');
  return workspace;
}

/** Our step processes still alive, as `ps` lists them (zombies are already dead). */
function leftoverProcesses(): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes(TOKEN) && !/^\s*\d+\s+Z/.test(line) && !line.includes(' ps '));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('processes, locks and disks when a run is killed or the disk is full', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = syntheticWorkspace()));
  afterAll(() => {
    for (const line of leftoverProcesses()) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    workspace.remove();
  });

  /** Starts the hanging gate as a terminal or CI would (Nx leads its own process group) and waits until the grandchild runs. */
  async function startHangingGate() {
    for (const file of ['step.pid', 'grandchild.pid']) workspace.delete(file);
    const nx = spawn(process.execPath, [NX_BIN, 'run', 'governance:VG-HANG-001', '--skip-nx-cache'], {
      cwd: workspace.root,
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, ...workspace.nxEnv() },
    });
    const closed = new Promise((resolve) => nx.on('close', resolve));
    while (!workspace.exists('step.pid') || !workspace.exists('grandchild.pid')) await sleep(50);
    return { pid: nx.pid ?? 0, closed };
  }

  const runningFiles = () => readdirSync(workspace.path('evidence/.running')).filter((name) => name.endsWith('.json'));

  it('leaves no step process behind when the Nx process group is killed with SIGKILL mid-step', async () => {
    const nx = await startHangingGate();
    expect(leftoverProcesses()).toHaveLength(2);
    // As a CI cancel does: Nx and everything in its process group get SIGKILL; the step and its setsid grandchild are not in it.
    process.kill(-nx.pid, 'SIGKILL');
    await nx.closed;
    for (let i = 0; i < 200 && leftoverProcesses().length; i++) await sleep(50);
    expect(leftoverProcesses()).toEqual([]);
    expect(runningFiles()).toEqual([]);
  });

  it('leaves no step process behind when the run is cancelled with Ctrl-C (SIGINT to the Nx process group)', async () => {
    const nx = await startHangingGate();
    process.kill(-nx.pid, 'SIGINT');
    await nx.closed;
    expect(leftoverProcesses()).toEqual([]);
    expect(runningFiles()).toEqual([]);
    expect(JSON.parse(workspace.read('evidence/gates/VG-HANG-001/latest.json')).record.result).toBe('interrupted');
  });

  it('ends at the next run the steps of a run whose watchdog was killed too', async () => {
    const nx = await startHangingGate();
    const watchdogs = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout.split('\n').filter((line) => line.includes('reap-watchdog') && line.includes(workspace.root));
    expect(watchdogs).toHaveLength(1);
    process.kill(Number(watchdogs[0].trim().split(/\s+/)[0]), 'SIGKILL');
    process.kill(-nx.pid, 'SIGKILL');
    await nx.closed;
    await sleep(500);
    expect(leftoverProcesses()).toHaveLength(2);
    expect(runningFiles()).toHaveLength(1);

    const next = workspace.nx('run', 'governance:VG-QUICK-001', '--skip-nx-cache');

    expect(next.code).toBe(0);
    expect(next.output).toMatch(/\[VG-QUICK-001\] ended 2 process\(es\) .* left running by a killed run of `node -e/);
    for (let i = 0; i < 100 && leftoverProcesses().length; i++) await sleep(50);
    expect(leftoverProcesses()).toEqual([]);
    expect(runningFiles()).toEqual([]);
  });

  it('ends what a step left running in the background when it exits 0, and the record says so', () => {
    const run = workspace.nx('run', 'governance:VG-BACKGROUND-001', '--skip-nx-cache');
    expect(run.code).toBe(0);
    expect(run.output).toContain('[VG-BACKGROUND-001 1/1] the step left 1 process(es) running when it ended; the runner ended them');
    const record = JSON.parse(workspace.read('evidence/gates/VG-BACKGROUND-001/latest.json')).record;
    expect(record.steps[0]).toMatchObject({ exitCode: 0, leftRunning: 1 });
    const stat = `/proc/${workspace.read('background.pid').trim()}/stat`;
    // Gone, or a zombie nobody has reaped yet.
    expect(existsSync(stat) ? readFileSync(stat, 'utf8').replace(/^.*\) /, '')[0] : 'gone').toMatch(/^(gone|Z)$/);
  });

  it('does not let a lock left by a killed run block the next run', () => {
    const before = workspace.nx('run', 'governance:VG-QUICK-001', '--skip-nx-cache');
    expect(before.code).toBe(0);
    const sequence = () => JSON.parse(workspace.read('evidence/gates/VG-QUICK-001/latest.json')).record.sequence as number;
    const first = sequence();
    // What a run killed while appending its record leaves: the lock folder, freshly made.
    mkdirSync(workspace.path('evidence/gates/VG-QUICK-001/.lock'));

    const next = workspace.nx('run', 'governance:VG-QUICK-001', '--skip-nx-cache');

    expect(next.output).not.toContain('could not lock');
    expect(next.code).toBe(0);
    expect(sequence()).toBe(first + 1);
  });

  it('refuses a bad PEM and an RSA key before any step runs', () => {
    const keys = mkdtempSync(join(tmpdir(), 'nx-governance-keys-'));
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    writeFileSync(join(keys, 'rsa.pem'), rsa);
    writeFileSync(join(keys, 'broken.pem'), '-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n');
    for (const [file, expected] of [
      ['rsa.pem', `GOVERNANCE_SIGNING_KEY: ${join(keys, 'rsa.pem')}: expected an Ed25519 private key, found rsa`],
      ['broken.pem', `GOVERNANCE_SIGNING_KEY: ${join(keys, 'broken.pem')}: found no private key it can read`],
    ]) {
      const run = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: join(keys, file) }, 'run', 'governance:VG-MARK-001', '--skip-nx-cache');
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(expected);
      expect(workspace.exists('step-ran')).toBe(false);
      expect(workspace.exists('evidence/gates/VG-MARK-001')).toBe(false);
    }
  });

  it('on a full disk prints one line naming the file and keeps the evidence written before', () => {
    const evidence = workspace.path('evidence');
    const earlier = workspace.path('evidence-before-the-disk');
    // The evidence folder becomes a small disk of its own; Nx's cache stays where it was.
    const hadEvidence = existsSync(evidence);
    if (hadEvidence) renameSync(evidence, earlier);
    mkdirSync(evidence);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', evidence], { encoding: 'utf8' });
    try {
      if (mounted.status !== 0) {
        console.log(`skipped: this machine cannot mount a small tmpfs (${(mounted.stderr || mounted.error?.message || '').trim()})`);
        return;
      }
      expect(workspace.nx('run', 'governance:VG-QUICK-001', '--skip-nx-cache').code).toBe(0);
      const latest = workspace.read('evidence/gates/VG-QUICK-001/latest.json');
      const records = readdirSync(workspace.path('evidence/gates/VG-QUICK-001/records'));
      spawnSync('sh', ['-c', 'head -c 4m /dev/zero > evidence/filler'], { cwd: workspace.root });

      const full = workspace.nx('run', 'governance:VG-QUICK-001', '--skip-nx-cache');

      expect(full.code).not.toBe(0);
      const lines = full.output.split('\n').filter((line) => line.includes('could not write'));
      expect(lines).toEqual([expect.stringMatching(new RegExp(`^${evidence}/\\S+: could not write: no space left on the device \\(ENOSPC\\); the evidence written before is unchanged$`))]);
      expect(full.output).not.toMatch(/^\s+at /m);
      expect(workspace.read('evidence/gates/VG-QUICK-001/latest.json')).toBe(latest);
      expect(readdirSync(workspace.path('evidence/gates/VG-QUICK-001/records'))).toEqual(records);
    } finally {
      if (mounted.status === 0) spawnSync('umount', [evidence]);
      rmSync(evidence, { recursive: true, force: true });
      if (hadEvidence) renameSync(earlier, evidence);
    }
  });
});
