import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { FileWriteError } from './file-write-error';
import { writeFileAtomically } from './write-file-atomically';

describe('writeFileAtomically', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  it('replaces the content whole', () => {
    const file = join(workspace.root, 'a/b/latest.json');
    writeFileAtomically(file, 'old');
    writeFileAtomically(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(join(workspace.root, 'a/b'))).toEqual(['latest.json']);
  });

  it('on a full disk throws one FileWriteError naming the file, keeps the old content and leaves no temp file', () => {
    const disk = join(workspace.root, 'disk');
    mkdirSync(disk);
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', disk], { encoding: 'utf8' });
    if (mounted.status !== 0) {
      console.log(`skipped: cannot mount a small tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim()})`);
      return;
    }
    try {
      const file = join(disk, 'latest.json');
      writeFileAtomically(file, 'old evidence');
      let failure: unknown;
      try {
        writeFileAtomically(file, Buffer.alloc(1024 * 1024, 'x'));
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(FileWriteError);
      expect((failure as FileWriteError).message).toBe(`${file}: could not write: no space left on the device (ENOSPC); the evidence written before is unchanged`);
      expect(readFileSync(file, 'utf8')).toBe('old evidence');
      expect(readdirSync(disk)).toEqual(['latest.json']);
    } finally {
      spawnSync('umount', [disk]);
    }
  });
});
