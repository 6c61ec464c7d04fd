import type { ExecutorContext } from '@nx/devkit';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import runArgvExecutor from './executor';

describe('run-argv executor', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace({ 'core/.keep': '' })));
  afterEach(() => workspace.cleanup());
  const context = () => ({ root: workspace.root, cwd: workspace.root, isVerbose: false }) as ExecutorContext;

  it('hands every argument to the program verbatim, in the project folder, never through a shell', async () => {
    const args = ['two words', 'semi;colon', '$(touch injected)', '`touch injected`', "it's", '*'];
    const script = "require('fs').writeFileSync('argv.json', JSON.stringify(process.argv.slice(1)))";
    const result = await runArgvExecutor({ argv: ['node', '-e', script, ...args], cwd: 'core' }, context());
    expect(result).toEqual({ success: true });
    expect(JSON.parse(readFileSync(join(workspace.root, 'core/argv.json'), 'utf8'))).toEqual(args);
    expect(existsSync(join(workspace.root, 'core/injected'))).toBe(false);
  });

  it.each<[string, string[]]>([
    ['a non-zero exit', ['node', '-e', 'process.exit(2)']],
    ['a program that is not installed', ['no-such-tool-xyz', 'build']],
  ])('fails on %s', async (_name, argv) => {
    expect(await runArgvExecutor({ argv }, context())).toEqual({ success: false });
  });
});
