import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endsWithin } from '../test-helpers/process-alive';
import { makeTempWorkspace } from '../test-helpers/temp-workspace';

describe('the plugin worker ends with the Nx process that started it', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  it('even while its main thread is busy in a synchronous loop and ignores SIGTERM', async () => {
    const pidFile = join(workspace.root, 'worker.pid');
    // As Nx's plugin worker: started detached, flagged by a global, SIGTERM handled on the (busy) event loop.
    const worker = `globalThis.NX_PLUGIN_WORKER = true;
require(${JSON.stringify(join(__dirname, 'worker-lifetime.ts'))}).endWithNxProcess();
process.on('SIGTERM', () => process.exit(0));
setTimeout(() => { require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); const until = Date.now() + 60000; while (Date.now() < until); }, 10);`;
    // The "Nx process": starts the worker, waits until it is busy, and dies.
    const host = `const { spawn } = require('child_process'); const fs = require('fs');
spawn(process.execPath, ['-r', '@swc-node/register', '-e', ${JSON.stringify(worker)}], { detached: true, stdio: 'ignore' }).unref();
const wait = () => (fs.existsSync(${JSON.stringify(pidFile)}) ? setTimeout(() => process.exit(0), 2000) : setTimeout(wait, 20)); wait();`;
    const ran = spawnSync(process.execPath, ['-e', host], { cwd: join(__dirname, '../../../..'), timeout: 60_000 });
    expect(ran.status).toBe(0);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    const ended = await endsWithin(pid, 10_000);
    if (!ended) process.kill(pid, 'SIGKILL');
    expect(ended).toBe(true);
  }, 90_000);
});
