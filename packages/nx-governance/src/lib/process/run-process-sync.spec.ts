import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { runProcessSync } from './run-process-sync';

describe('runProcessSync', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());
  const node = (script: string, ...args: string[]) => ['node', '-e', script, ...args];

  it('passes arguments literally, never through a shell, and returns the whole output and exit code', () => {
    const canary = join(workspace.root, 'canary');
    const args = ['a b', '; touch canary', `$(touch ${canary})`];
    const result = runProcessSync({ argv: node('console.log(JSON.stringify(process.argv.slice(1))); console.error("warned"); process.exit(3)', ...args), cwd: workspace.root, timeoutMs: 10_000 });
    expect(result).toEqual({ ok: true, exitCode: 3, stdout: `${JSON.stringify(args)}\n`, stderr: 'warned\n' });
    expect(existsSync(canary)).toBe(false);
  });

  it('ends the processes a probe started when it times out, not only the probe', () => {
    const pidFile = join(workspace.root, 'child.pid');
    const probe = `const c = require('child_process').spawn('sleep', ['1000'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setInterval(() => {}, 1000);`;
    expect(runProcessSync({ argv: node(probe), cwd: workspace.root, timeoutMs: 3_000 })).toEqual({ ok: false, reason: 'node did not finish within 3000 ms' });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    let alive = true;
    for (let i = 0; i < 100 && alive; i++) {
      alive = existsSync(`/proc/${pid}/stat`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      if (alive) spawnSync('sleep', ['0.02']);
    }
    if (alive) process.kill(pid, 'SIGKILL');
    expect(alive).toBe(false);
  });

  it.each<[string, string[], number, number | undefined, RegExp]>([
    ['a missing program', ['no-such-tool-xyz', '--version'], 10_000, undefined, /^no-such-tool-xyz not found$/],
    ['a probe that hangs', node('setInterval(() => {}, 1000)'), 500, undefined, /^node did not finish within 500 ms$/],
    ['output past the cap', node("process.stdout.write('x'.repeat(100000))"), 10_000, 1000, /^node printed more than 1000 bytes$/],
    ['a killed program', node("process.kill(process.pid, 'SIGTERM')"), 10_000, undefined, /^node was ended by SIGTERM$/],
  ])('fails with the reason for %s', (_name, argv, timeoutMs, maxOutputBytes, reason) => {
    expect(runProcessSync({ argv, cwd: workspace.root, timeoutMs, maxOutputBytes })).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
});
