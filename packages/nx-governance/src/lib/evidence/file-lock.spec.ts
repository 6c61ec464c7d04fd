import { mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { withFileLock } from './file-lock';

describe('withFileLock', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  it('runs the work and releases the lock', () => {
    const lock = join(workspace.root, '.lock');
    expect(withFileLock(lock, () => 'done')).toBe('done');
    expect(withFileLock(lock, () => 'again')).toBe('again');
  });

  it('takes over a lock left by a killed run half a minute ago instead of waiting for it', () => {
    const lock = join(workspace.root, '.lock');
    // A killed run leaves its lock folder; nothing refreshes it any more.
    mkdirSync(lock);
    const killedAt = new Date(Date.now() - 30_000);
    utimesSync(lock, killedAt, killedAt);
    expect(withFileLock(lock, () => 'written', 2_000)).toBe('written');
  });

  it('releases the lock when the work throws', () => {
    const lock = join(workspace.root, '.lock');
    expect(() => withFileLock(lock, () => {
      throw new Error('disk full');
    })).toThrow('disk full');
    expect(withFileLock(lock, () => 'next', 2_000)).toBe('next');
  });
});
