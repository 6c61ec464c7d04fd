import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { recordedDirty, requireCleanRefusal, treeState, uncommittedFilesIn } from './git';

describe('treeState', () => {
  let root: string;
  let cleanup: () => void;
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace({ 'a.txt': 'a\n', 'evidence/old.json': '{}' }));
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init', '--allow-empty');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'files');
  });
  afterEach(() => cleanup());

  it('lists what is left to commit under the evidence folder, ignored files left out', () => {
    expect(uncommittedFilesIn(root, 'evidence')).toEqual({ ok: true, files: [] });
    writeFileSync(join(root, '.gitignore'), 'evidence/records/\n');
    git('add', '.gitignore');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'policy');
    writeFileSync(join(root, 'evidence/old.json'), '{"changed":true}');
    writeFileSync(join(root, 'evidence/packet.md'), 'GO\n');
    spawnSync('mkdir', ['-p', join(root, 'evidence/records')]);
    writeFileSync(join(root, 'evidence/records/1.json'), '{}');
    expect(uncommittedFilesIn(root, 'evidence')).toEqual({ ok: true, files: ['evidence/old.json', 'evidence/packet.md'] });
  });

  it('says clean, then dirty, leaving out the excluded folder', () => {
    expect(treeState(root, undefined, 'evidence')).toEqual({ ok: true, dirty: false });
    writeFileSync(join(root, 'evidence/new.json'), '{}');
    expect(treeState(root, undefined, 'evidence')).toEqual({ ok: true, dirty: false });
    expect(requireCleanRefusal(root, 'evidence')).toBeUndefined();
    writeFileSync(join(root, 'a.txt'), 'changed\n');
    expect(treeState(root, undefined, 'evidence')).toEqual({ ok: true, dirty: true });
    expect(requireCleanRefusal(root, 'evidence')).toMatch(/^The tree has uncommitted changes/);
  });

  it.each<[string, () => void]>([
    ['no .git', () => rmSync(join(root, '.git'), { recursive: true, force: true })],
    ['a broken .git', () => writeFileSync(join(root, '.git', 'HEAD'), 'garbage\n')],
  ])('cannot say with %s, and then nothing counts as clean', (_name, breakIt) => {
    breakIt();
    // Outside any repository git may still find one further up (the temp folder's parents): GIT_CEILING_DIRECTORIES stops it.
    const previous = process.env.GIT_CEILING_DIRECTORIES;
    process.env.GIT_CEILING_DIRECTORIES = join(root, '..');
    try {
      const state = treeState(root, undefined, 'evidence');
      expect(state).toEqual({ ok: false, reason: expect.stringMatching(/^git status: /) });
      expect(recordedDirty(state)).toBe('unknown');
      expect(requireCleanRefusal(root, 'evidence')).toMatch(/^git cannot say whether the tree is clean \(git status: .*\); --requireClean refuses/);
    } finally {
      if (previous === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
      else process.env.GIT_CEILING_DIRECTORIES = previous;
    }
  });
});
