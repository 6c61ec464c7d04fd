import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { NX_BIN, type RunResult, TestWorkspace } from '../helpers/workspace';
import { commandGate, nodeStep, ONE_PASSED } from '../helpers/gate-fixtures';

/**
 * A pattern that backtracks exponentially on a backtracking engine ("upper-case
 * words joined by dashes") and an id one character off it: 2^39 steps there.
 */
const BACKTRACKING_GATE_PATTERN = '^([A-Z0-9]+-?)+$';
const MISTYPED_ID = 'VGCONTRACTRELEASEGATE0001ALLCHECKSGOODd';

/** Runs nx, and kills it (and its group) once `timeoutMs` has passed, so a hang fails the test instead of holding it. */
function nxWithin(workspace: TestWorkspace, timeoutMs: number, ...args: string[]): Promise<RunResult & { timedOut: boolean }> {
  return new Promise((resolve) => {
    const nx = spawn(process.execPath, [NX_BIN, ...args], { cwd: workspace.root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...workspace.nxEnv() } });
    let stdout = '';
    let stderr = '';
    nx.stdout.on('data', (chunk) => (stdout += chunk));
    nx.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-(nx.pid ?? 0), 'SIGKILL');
    }, timeoutMs);
    nx.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr, output: `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), timedOut });
    });
  });
}

/** Nx's plugin workers serving this workspace (Nx passes the plugin and the workspace root on their command line), zombies excluded. */
function pluginWorkers(workspace: TestWorkspace, plugin = 'nx-governance'): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        const state = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '')[0];
        return state !== 'Z' && args.some((a) => a.includes('plugin-worker')) && args.includes(plugin) && args.includes(workspace.root);
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** CPU seconds a process has used (user and system; Linux counts in 1/100 s). */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForNoWorkers(workspace: TestWorkspace, ms: number): Promise<number[]> {
  for (let waited = 0; waited < ms && pluginWorkers(workspace).length; waited += 50) await sleep(50);
  return pluginWorkers(workspace);
}

describe('inference stays bounded, and its worker ends with Nx', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' }, ids: { gate: BACKTRACKING_GATE_PATTERN } }, null, 2));
    workspace.write('governance/gates.json', JSON.stringify({ gates: [commandGate('VG-OK-001', { steps: [nodeStep(ONE_PASSED)] }), commandGate(MISTYPED_ID, { steps: [nodeStep(ONE_PASSED)] })] }, null, 2));
    workspace.commit('a pattern that backtracks, and an id one character off it');
  });
  afterAll(() => {
    for (const pid of pluginWorkers(workspace)) process.kill(pid, 'SIGKILL');
    workspace.remove();
  });

  it('answers nx show projects with a backtracking-prone id pattern and a mistyped 39-character id, and names the id', async () => {
    const shown = await nxWithin(workspace, 60_000, 'show', 'projects');
    expect(shown.timedOut).toBe(false);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('governance');
    const validate = await nxWithin(workspace, 60_000, 'run', 'governance:validate');
    expect(validate.timedOut).toBe(false);
    expect(validate.code).not.toBe(0);
    expect(validate.output).toContain(`found ${JSON.stringify(MISTYPED_ID)}, expected a gate id: an id matching ${BACKTRACKING_GATE_PATTERN}`);
    expect(await waitForNoWorkers(workspace, 5_000)).toEqual([]);
  });

  it('leaves no plugin worker behind when nx is killed mid-inference', async () => {
    // A milestone long enough that inference is still running, synchronously, when nx is killed.
    const cards = Array.from({ length: 60_000 }, (_, i) => `### M1-T${i + 1} Card ${i + 1}\n\n- Goal: card ${i + 1}.\n- Status: todo\n- Required gates: VG-OK-001\n`);
    workspace.write('governance/milestones/M1.md', `# M1 - Large\n\n## Task Cards\n\n${cards.join('\n')}`);
    const nx = spawn(process.execPath, [NX_BIN, 'show', 'projects'], { cwd: workspace.root, detached: true, stdio: 'ignore', env: { ...process.env, ...workspace.nxEnv() } });
    let finished = false;
    const closed = new Promise((resolve) => nx.on('close', resolve)).then(() => (finished = true));
    // Mid-inference: the plugin's worker has loaded and worked a while, however loaded the machine is.
    while (!finished && !pluginWorkers(workspace).some((pid) => cpuSeconds(pid) > 2.5)) await sleep(20);
    expect(finished).toBe(false);
    // As a CI cancel does: SIGKILL to Nx's process group. Nx starts its plugin workers detached, outside it.
    process.kill(-(nx.pid ?? 0), 'SIGKILL');
    await closed;
    expect(await waitForNoWorkers(workspace, 3_000)).toEqual([]);
  });
});

/** A validation matrix of `rows` gates, as tools/bench-import.ts writes it. */
function validationTable(rows: number): string {
  const lines = ['# Validation matrix', '', '| Gate | Scope | Command | Pass criteria | Owner | Enforcement |', '|---|---|---|---|---|---|'];
  for (let i = 1; i <= rows; i++) lines.push(`| VG-BIG-${String(i).padStart(5, '0')} | scope ${i} | \`node -e ${i % 7}\` | at least ${1 + (i % 5)} tests | QA Lead | ${i % 3 ? 'blocking' : 'advisory'} |`);
  return `${lines.join('\n')}\n`;
}

describe('import stays linear', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('docs/plan/VALIDATION.md', validationTable(20_000));
    workspace.commit('a validation matrix of 20,000 gates');
  });
  afterAll(() => workspace.remove());

  // Bounded, not timed: the import took 3 s through nx on this machine; with a lookup per row into the gates read so far, 30 s.
  it('imports a 20,000-row validation table through nx g, every gate, within 20 s', async () => {
    const run = await nxWithin(workspace, 20_000, 'g', 'nx-governance:import', '--source=docs/plan', '--skipFormat');
    expect([run.timedOut, run.code]).toEqual([false, 0]);
    expect(JSON.parse(workspace.read('governance/gates.json')).gates).toHaveLength(20_000);
  });
});
