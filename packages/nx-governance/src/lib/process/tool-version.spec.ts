import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readToolVersion, toolVersionCommand } from './tool-version';

/** What Nx does with a `runtime` input on POSIX: `sh -c <command>` in the workspace root. */
function throughShell(command: string, cwd: string): string {
  const result = spawnSync('sh', ['-c', command], { cwd, encoding: 'utf8' });
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('the version of a step\'s program', () => {
  const root = mkdtempSync(join(tmpdir(), 'tool-version-'));
  writeFileSync(join(root, 'where.js'), "console.log('in ' + require('path').basename(process.cwd()) + ' ' + process.argv.slice(2).join('|'))");

  it('prints through a shell what the record reads, argv unchanged', () => {
    const argv = ['node', '-e', "console.log(\"v1 $HOME `x` 100% ^ \\\\ ' done\")"];
    expect(throughShell(toolVersionCommand(argv), root)).toBe(readToolVersion(argv, root));
    expect(readToolVersion(argv, root)).toBe("v1 $HOME `x` 100% ^ \\ ' done");
  });

  it('runs in the step\'s folder', () => {
    expect(throughShell(toolVersionCommand(['node', 'where.js', 'a b', '"c"'], '.'), root)).toBe(`in ${root.split('/').pop()} a b|"c"`);
  });

  it('exits 0 and says so when the program is missing, so Nx hashes that instead of failing', () => {
    expect(throughShell(toolVersionCommand(['no-such-program-here', '--version']), root)).toBe('unavailable: ENOENT');
  });
});
