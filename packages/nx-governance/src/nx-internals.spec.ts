import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nxTaskHashing, nxWorkspaceDataDirectory } from './nx-internals';

const major = JSON.parse(readFileSync(require.resolve('nx/package.json'), 'utf8')).version.split('.')[0];

// One case per Nx major the package claims (peerDependencies): each private module is still where it is used from.
// This is the nx 24 case; e2e/src/nx23.e2e.spec.ts runs the same checks on an nx 23 install.
describe(`Nx's private modules on nx ${major}`, () => {
  it('finds the task hasher, the task graph and nx.json', () => {
    const hashing = nxTaskHashing();
    for (const fn of Object.values(hashing)) expect(typeof fn).toBe('function');
  });

  it("finds Nx's workspace data directory, wherever the user's NX_WORKSPACE_DATA_DIRECTORY puts it", () => {
    const nxOwn = (require('nx/src/utils/cache-directory') as { workspaceDataDirectory: string }).workspaceDataDirectory;
    expect(nxWorkspaceDataDirectory('/workspace')).toBe(nxOwn);
  });
});

/** `use` of nx-internals loaded afresh while `module` is as a later Nx might ship it: gone (no `exports`) or without the export used. */
function withModuleMoved<T>(module: string, exports: object | undefined, use: (internals: typeof import('./nx-internals')) => T): T {
  let result: { value: T } | undefined;
  jest.isolateModules(() => {
    jest.doMock(module, () => {
      if (!exports) throw Object.assign(new Error(`Cannot find module '${module}'`), { code: 'MODULE_NOT_FOUND' });
      return exports;
    });
    try {
      // nx-internals loads private modules when asked, so the call must happen while the mock is in place.
      result = { value: use(require('./nx-internals')) };
    } finally {
      jest.dontMock(module);
    }
  });
  if (!result) throw new Error('nx-internals did not load');
  return result.value;
}

describe("the fallbacks when a later Nx moves a private module", () => {
  const saved = process.env.NX_WORKSPACE_DATA_DIRECTORY;
  afterEach(() => (saved === undefined ? delete process.env.NX_WORKSPACE_DATA_DIRECTORY : (process.env.NX_WORKSPACE_DATA_DIRECTORY = saved)));

  it.each([
    ['unset', undefined, '/workspace/.nx/workspace-data'],
    ['absolute', '/data/nx', '/data/nx'],
    // Nx reads a relative directory from the workspace root, not from wherever the process happens to run.
    ['relative', 'tmp/nx-data', join('/workspace', 'tmp/nx-data')],
  ])('places the workspace data where Nx documents it (NX_WORKSPACE_DATA_DIRECTORY %s)', (_, env, expected) => {
    if (env === undefined) delete process.env.NX_WORKSPACE_DATA_DIRECTORY;
    else process.env.NX_WORKSPACE_DATA_DIRECTORY = env;
    expect(withModuleMoved('nx/src/utils/cache-directory', undefined, (nx) => nx.nxWorkspaceDataDirectory('/workspace'))).toBe(expected);
  });

  it.each([
    ['is gone', 'nx/src/hasher/hash-task', undefined],
    ['no longer exports the function', 'nx/src/tasks-runner/create-task-graph', { createTaskGraphV2: () => undefined }],
  ])('names what moved when a hashing module %s, instead of judging evidence without it', (_, module, exports) => {
    const name = module === 'nx/src/hasher/hash-task' ? 'hashTask' : 'createTaskGraph';
    expect(() => withModuleMoved(module, exports, (nx) => nx.nxTaskHashing())).toThrow(`This Nx version has no ${name} in ${module}`);
  });
});
