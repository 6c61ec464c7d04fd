import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { resolveRevision } from './revision-file-reader';

describe('resolveRevision', () => {
  let origin: string;
  let cleanup: () => void;
  let clones: string;
  const git = (cwd: string, ...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, encoding: 'utf8' });
  beforeAll(() => {
    ({ root: origin, cleanup } = makeTempWorkspace({ 'a.txt': 'a\n' }));
    git(origin, 'init', '-q', '-b', 'main');
    git(origin, 'add', '-A');
    git(origin, 'commit', '-qm', 'a');
    clones = mkdtempSync(join(tmpdir(), 'nx-governance-clones-'));
  });
  afterAll(() => {
    cleanup();
    rmSync(clones, { recursive: true, force: true });
  });
  const commitOf = (cwd: string, rev: string) => git(cwd, 'rev-parse', rev).stdout.trim();

  it('takes origin/<branch> where the clone has no branch of that name (a CI checkout of a pull request), and says so', () => {
    const clone = join(clones, 'pr');
    git(clones, 'clone', '-q', origin, clone);
    git(clone, 'checkout', '-q', '-b', 'feature');
    git(clone, 'branch', '-q', '-D', 'main');
    expect(resolveRevision(clone, 'main')).toEqual({ ok: true, revision: 'origin/main', commit: commitOf(origin, 'main'), note: "main is not a branch in this clone: comparing with origin/main" });
  });

  it('takes the revision as given when git knows it', () => {
    expect(resolveRevision(origin, 'main')).toEqual({ ok: true, revision: 'main', commit: commitOf(origin, 'main') });
  });

  it('says what to do when neither it nor origin/<it> is known', () => {
    expect(resolveRevision(origin, 'develop')).toEqual({ ok: false, error: expect.stringMatching(/^git does not know the revision develop \(nor origin\/develop\): fetch/) });
  });
});
