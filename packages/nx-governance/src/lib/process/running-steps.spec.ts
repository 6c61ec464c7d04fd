import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { readProcEntry } from './proc-table';
import { reapLeftoverSteps, recordRunningStep } from './running-steps';
import { newStepMarker, STEP_MARKER_VARIABLE, stepIdentity } from './step-tree';

const linux = process.platform === 'linux';

describe('reapLeftoverSteps', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  /** Every process a test started, ended after it whatever the test did. */
  const started: number[] = [];
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => {
    for (const pid of started.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already ended, as the test expects.
      }
    }
    workspace.cleanup();
  });

  /** A step as runProcess starts it (own session, marker set) whose child moves to a new session and is orphaned. */
  async function startStep(): Promise<{ step: ReturnType<typeof stepIdentity>; grandchild: number }> {
    const marker = newStepMarker();
    const pidFile = join(workspace.root, `grandchild-${marker}.pid`);
    const grandchild = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
    const script = `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { detached: true, stdio: 'ignore' }); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['-e', script], { detached: true, stdio: 'ignore', env: { ...process.env, [STEP_MARKER_VARIABLE]: marker } });
    child.unref();
    const step = stepIdentity(child.pid ?? 0, marker);
    started.push(step.pid);
    // The file exists before its content is written: wait for the pid itself.
    const readPid = () => (existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : 0);
    while (!readPid()) await new Promise((resolve) => setTimeout(resolve, 20));
    started.push(readPid());
    return { step, grandchild: readPid() };
  }

  (linux ? it : it.skip)('ends every process of a step whose runner was killed, and removes its pid file', async () => {
    const { step, grandchild } = await startStep();
    const dir = join(workspace.root, '.running');
    recordRunningStep(dir, step, ['node', 'step.js']);
    const [file] = readdirSync(dir).filter((name) => name.endsWith('.json'));
    // The runner that wrote the file is gone: a start no process of this boot has.
    const record = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    writeFileSync(join(dir, file), JSON.stringify({ ...record, runner: { pid: record.runner.pid, startTicks: -1 } }));

    const lines = reapLeftoverSteps(dir);

    expect(lines).toEqual([expect.stringMatching(/^ended 2 process\(es\) .* left running by a killed run of `node step.js`/)]);
    await waitUntilGone(step.pid);
    await waitUntilGone(grandchild);
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toEqual([]);
  }, 20_000);

  (linux ? it : it.skip)('leaves alone the steps of a run that is still going', async () => {
    const { step, grandchild } = await startStep();
    const dir = join(workspace.root, '.running');
    const forget = recordRunningStep(dir, step, ['node', 'step.js']);
    expect(reapLeftoverSteps(dir)).toEqual([]);
    expect(readProcEntry(grandchild)).toBeDefined();
    forget();
  }, 20_000);

  it('removes a pid file it cannot read, and says so', () => {
    const dir = join(workspace.root, '.running');
    writeFiles(workspace.root, { '.running/1-2.json': '{"runner": 1}' });
    expect(reapLeftoverSteps(dir)).toEqual([expect.stringMatching(/1-2\.json: found .*expected a running-step record; removed it/)]);
    expect(existsSync(join(dir, '1-2.json'))).toBe(false);
  });
});

async function waitUntilGone(pid: number): Promise<void> {
  for (let i = 0; i < 100 && readProcEntry(pid); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(readProcEntry(pid)).toBeUndefined();
}
