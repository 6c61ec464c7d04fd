import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';

export interface NxRun {
  code: number;
  stdout: string;
  output: string;
}

/** The nx binary of the workspace's own installation. */
function nxBinary(root: string): string {
  const packageJson = require.resolve('nx/package.json', { paths: [root] });
  const bin = require(packageJson).bin;
  return join(dirname(packageJson), typeof bin === 'string' ? bin : bin.nx);
}

/** Runs nx with argv in `root`; `inheritOutput` streams its output to this terminal. */
export function runNx(root: string, args: string[], options: { inheritOutput?: boolean } = {}): Promise<NxRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nxBinary(root), ...args], {
      cwd: root,
      env: process.env,
      stdio: ['ignore', options.inheritOutput ? 'inherit' : 'pipe', options.inheritOutput ? 'inherit' : 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, output: `${stdout}${stderr}` }));
  });
}
