import { readFileSync } from 'node:fs';
import { nxTaskHashing, nxWorkspaceDataDirectory } from './nx-internals';

const major = JSON.parse(readFileSync(require.resolve('nx/package.json'), 'utf8')).version.split('.')[0];

// One case per Nx major the package claims (peerDependencies): each private module is still where it is used from.
describe(`Nx's private modules on nx ${major}`, () => {
  it('finds the task hasher, the task graph and nx.json', () => {
    const hashing = nxTaskHashing();
    for (const fn of Object.values(hashing)) expect(typeof fn).toBe('function');
  });

  it("finds Nx's workspace data directory, or the place Nx documents for it", () => {
    expect(nxWorkspaceDataDirectory('/workspace')).toMatch(/workspace-data|\.nx/);
  });
});
