import { governanceSettingsSchema } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { resolveCore } from './resolve-core';

/** A reader over a few files in memory: resolveCore only reads manifests. */
function readerOf(files: Record<string, string>): FileReader {
  return { read: (path) => files[path], list: () => [], findByName: () => [] };
}

const RUST = { 'loop/Cargo.toml': '[package]\nname = "looper"\nversion = "0.4.2"\n' };
const NODE = { 'packages/core/package.json': JSON.stringify({ name: '@demo/core', version: '1.0.0', main: './dist/index.js' }) };

describe('resolveCore', () => {
  it.each([
    ['a Rust core: its release binary, in the variable', RUST, { project: 'loop', path: 'loop' }, { reachedBy: 'env', artifact: 'loop/target/release/looper', artifactEnv: 'LOOP_CLI', version: '0.4.2' }],
    ['a TypeScript core: a workspace package whose main must be built', NODE, { project: '@demo/core', path: 'packages/core' }, { reachedBy: 'workspace-package', artifact: 'packages/core/dist/index.js', artifactEnv: 'DEMO_CORE_CLI', version: '1.0.0' }],
    ['a core that declares an artifact: the variable, as before reachedBy existed', NODE, { project: '@demo/core', path: 'packages/core', artifact: 'packages/core/bin/cli.js' }, { reachedBy: 'env', artifact: 'packages/core/bin/cli.js' }],
    ['a declared reachedBy over every default', RUST, { project: 'loop', path: 'loop', reachedBy: 'path' }, { reachedBy: 'path', artifact: 'loop/target/release/looper' }],
    ['any Nx project, with no folder named: nothing to check', {}, { project: 'core' }, { reachedBy: 'workspace-package', artifactEnv: 'CORE_CLI' }],
  ])('%s', (_name, files, core, expected) => {
    const resolved = resolveCore(readerOf(files), governanceSettingsSchema.parse({ core }));
    expect(resolved).toMatchObject(expected);
    if (!('artifact' in expected)) expect(resolved?.artifact).toBeUndefined();
  });

  it("ignores a package's main that leaves its folder", () => {
    const files = { 'packages/core/package.json': JSON.stringify({ name: '@demo/core', main: '../elsewhere/index.js' }) };
    expect(resolveCore(readerOf(files), governanceSettingsSchema.parse({ core: { project: '@demo/core', path: 'packages/core' } }))?.artifact).toBeUndefined();
  });

  it('is none while governance.json names no core', () => {
    expect(resolveCore(readerOf({}), governanceSettingsSchema.parse({}))).toBeUndefined();
  });
});
