import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { endsWithin } from '../../test-helpers/process-alive';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { FileWriteError } from '../fs/file-write-error';
import { ECHO_BYTES, runProcess, TAIL_BYTES } from './run-process';

describe('runProcess', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  it('passes arguments literally, never through a shell', async () => {
    const canary = join(workspace.root, 'canary');
    const args = ['; rm -rf $HOME', `$(touch ${canary})`, `\`touch ${canary}\``];
    const result = await runProcess({ argv: ['node', '-e', 'console.log(JSON.stringify(process.argv.slice(1)))', ...args], cwd: workspace.root, timeoutMs: 10_000 });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.tail[0])).toEqual(args);
    expect(existsSync(canary)).toBe(false);
  });

  it('reports a program that does not exist as not found', async () => {
    const result = await runProcess({ argv: ['no-such-tool-xyz', '--version'], cwd: workspace.root, timeoutMs: 10_000 });
    expect(result.spawnError).toBe('no-such-tool-xyz not found');
    expect(result.exitCode).toBeNull();
  });

  it('ends the whole process tree on timeout, even a grandchild that ignores SIGTERM', async () => {
    const pidFile = join(workspace.root, 'grandchild.pid');
    const grandchild = `process.on('SIGTERM', () => {}); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
    const parent = `process.on('SIGTERM', () => {}); require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' }); setInterval(() => {}, 1000);`;
    const result = await runProcess({ argv: ['node', '-e', parent], cwd: workspace.root, timeoutMs: 3_000 });
    expect(result.timedOut).toBe(true);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(await endsWithin(pid)).toBe(true);
  }, 20_000);

  it('ends on timeout a grandchild that left the process group and session (setsid)', async () => {
    const pidFile = join(workspace.root, 'setsid.pid');
    const result = await runProcess({ argv: ['node', '-e', spawnsSetsidGrandchild(pidFile, true)], cwd: workspace.root, timeoutMs: 5_000 });
    expect(result.timedOut).toBe(true);
    expect(await endsWithin(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  }, 20_000);

  it('ends a setsid grandchild whose parent exited, when the command ends', async () => {
    const pidFile = join(workspace.root, 'orphan.pid');
    const result = await runProcess({ argv: ['node', '-e', spawnsSetsidGrandchild(pidFile, false)], cwd: workspace.root, timeoutMs: 20_000 });
    expect(result).toMatchObject({ exitCode: 0, leftRunning: 1 });
    expect(await endsWithin(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  }, 20_000);

  it.each([
    ['exits 0', 'exit 0', 60_000, { exitCode: 0, timedOut: false, leftRunning: 1 }],
    ['fails', 'exit 3', 60_000, { exitCode: 3, timedOut: false, leftRunning: 1 }],
    // Both sleeps, the one in the background and the one the shell waits for, ran on when the time ran out.
    ['times out', 'sleep 1000', 2_000, { timedOut: true, leftRunning: 2 }],
  ])('ends a background process the step left when it %s, and the result says so', async (_name, end, timeoutMs, expected) => {
    const pidFile = join(workspace.root, 'background.pid');
    const result = await runProcess({ argv: ['sh', '-c', `sleep 1000 & echo $! > ${pidFile}; ${end}`], cwd: workspace.root, timeoutMs });
    expect(result).toMatchObject(expected);
    expect(await endsWithin(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  }, 30_000);

  it('says nothing was left running by a step that leaves nothing', async () => {
    expect((await runProcess({ argv: ['node', '-e', '0'], cwd: workspace.root, timeoutMs: 10_000 })).leftRunning).toBe(0);
  });

  it('caps the log, marks it truncated, and hashes all of the output', async () => {
    const logFile = join(workspace.root, 'logs/out.log');
    const script = "const line = 'x'.repeat(1023) + '\\n'; for (let i = 0; i < 4096; i++) process.stdout.write(line);";
    const result = await runProcess({ argv: ['node', '-e', script], cwd: workspace.root, timeoutMs: 20_000, outputCapBytes: 64 * 1024, logFile });
    expect(result.exitCode).toBe(0);
    expect(result.outputBytes).toBe(4 * 1024 * 1024);
    expect(result.truncated).toBe(true);
    const log = readFileSync(logFile, 'utf8');
    expect(log.length).toBeLessThan(70 * 1024);
    expect(log).toContain('[output truncated at 65536 bytes');
    const expected = require('node:crypto').createHash('sha256').update(('x'.repeat(1023) + '\n').repeat(4096)).digest('hex');
    expect(result.outputSha256).toBe(expected);
  });

  it('keeps a bounded tail of a 64 MiB line without a newline', async () => {
    const script = "const chunk = Buffer.alloc(1 << 20, 'z'); for (let i = 0; i < 64; i++) process.stdout.write(chunk);";
    let lines = 0;
    const result = await runProcess({ argv: ['node', '-e', script], cwd: workspace.root, timeoutMs: 60_000, onLine: () => lines++ });
    expect(result.outputBytes).toBe(64 * 1024 * 1024);
    expect(lines).toBe(1);
    expect(result.tail).toHaveLength(1);
    expect(Buffer.byteLength(result.tail.join('\n'))).toBeLessThanOrEqual(TAIL_BYTES);
  }, 60_000);

  it('shows at most ECHO_BYTES of output, then where the log is and the last lines', async () => {
    const logFile = join(workspace.root, 'echo.log');
    const script = "const line = 'e'.repeat(1023) + '\\n'; for (let i = 0; i < 8192; i++) process.stdout.write(line); console.log('the end');";
    const shown: string[] = [];
    let parsed = 0;
    await runProcess({ argv: ['node', '-e', script], cwd: workspace.root, timeoutMs: 60_000, logFile, onLine: () => parsed++, echo: (line) => shown.push(line) });
    expect(parsed).toBe(8193);
    expect(Buffer.byteLength(shown.join('\n'))).toBeLessThanOrEqual(ECHO_BYTES + TAIL_BYTES + 1024);
    expect(shown.find((line) => line.startsWith('['))).toMatch(/more line\(s\) of output not shown here; the full log is .*echo\.log/);
    expect(shown[shown.length - 1]).toBe('the end');
  }, 60_000);

  it('rejects with a FileWriteError naming the log when the disk is full, and ends the step', async () => {
    const script = "const chunk = Buffer.alloc(1 << 16, 'f'); setInterval(() => process.stdout.write(chunk), 10);";
    const run = runProcess({ argv: ['node', '-e', script], cwd: workspace.root, timeoutMs: 60_000, logFile: '/dev/full' });
    await expect(run).rejects.toThrow(new FileWriteError('/dev/full', 'ENOSPC', { cause: undefined }).message);
  }, 60_000);

  it('keeps the exit code, the signal and the last lines', async () => {
    const result = await runProcess({ argv: ['node', '-e', 'for (let i = 1; i <= 60; i++) console.log(i); process.exit(3)'], cwd: workspace.root, timeoutMs: 10_000 });
    expect(result.exitCode).toBe(3);
    expect(result.tail).toHaveLength(50);
    expect(result.tail[49]).toBe('60');
    const killed = await runProcess({ argv: ['node', '-e', "process.kill(process.pid, 'SIGKILL')"], cwd: workspace.root, timeoutMs: 10_000 });
    expect(killed.signal).toBe('SIGKILL');
  });
});


/**
 * A command whose child starts a grandchild in a new session (`detached` is
 * setsid), out of the command's process group; the command then waits, or
 * exits at once leaving the grandchild to PID 1.
 */
function spawnsSetsidGrandchild(pidFile: string, wait: boolean): string {
  const grandchild = `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000);`;
  return `const c = require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { detached: true, stdio: 'ignore' });
const fs = require('fs'); const ready = () => fs.existsSync(${JSON.stringify(pidFile)}) && fs.readFileSync(${JSON.stringify(pidFile)}, 'utf8') ? ${wait ? 'setInterval(() => {}, 1000)' : 'process.exit(0)'} : setTimeout(ready, 20); ready();`;
}
