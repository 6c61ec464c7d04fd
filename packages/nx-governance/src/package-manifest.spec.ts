import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const packageRoot = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
const installedNx = JSON.parse(readFileSync(require.resolve('nx/package.json'), 'utf8')).version as string;

describe('the published package', () => {
  it('is publishable as is: exports, license file, repository, engines', () => {
    expect(manifest.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    for (const entry of ['./package.json', './executors.json', './generators.json', './schemas/*']) expect(manifest.exports[entry]).toBeDefined();
    expect(manifest.files).toContain('LICENSE');
    expect(existsSync(join(packageRoot, 'LICENSE'))).toBe(true);
    expect(manifest.repository).toMatchObject({ type: 'git', directory: 'packages/nx-governance' });
    expect(manifest.engines.node).toBe('>=20');
  });

  // The unit tests run on the workspace's Nx; the end-to-end suite runs its core cases on nx 23 too (e2e/src/nx23.e2e.spec.ts).
  it('claims exactly the Nx majors CI tests: 23 and the one the unit tests run on', () => {
    expect(installedNx.split('.')[0]).toBe('24');
    const range = '^23.0.0 || ^24.0.0';
    expect(manifest.peerDependencies).toEqual({ '@nx/devkit': range, nx: range });
  });

  it('ships no source maps without their sources', () => {
    const tsconfig = JSON.parse(readFileSync(join(packageRoot, 'tsconfig.lib.json'), 'utf8'));
    expect(tsconfig.compilerOptions).toMatchObject({ sourceMap: false, declarationMap: false });
  });

  it('refuses misspelt options: every executor schema is closed', () => {
    const executors = JSON.parse(readFileSync(join(packageRoot, 'executors.json'), 'utf8')).executors as Record<string, { schema: string }>;
    const open = Object.entries(executors)
      .filter(([, e]) => JSON.parse(readFileSync(join(packageRoot, e.schema.replace('./dist/', './src/')), 'utf8')).additionalProperties !== false)
      .map(([name]) => name);
    expect(open).toEqual([]);
  });

  it("speaks of the user's workspace in help texts, not of the bundled example", () => {
    const manifests = ['executors.json', 'generators.json'].map((f) => JSON.parse(readFileSync(join(packageRoot, f), 'utf8')));
    const schemas = manifests.flatMap((m) => Object.values<{ schema: string }>(m.executors ?? m.generators).map((e) => e.schema.replace('./dist/', './src/')));
    const bundled = schemas.filter((schema) => /\bloop\b|LOOP_|cargo|io-rflx|rlm-claude/.test(readFileSync(join(packageRoot, schema), 'utf8')));
    expect(bundled).toEqual([]);
  });
});
