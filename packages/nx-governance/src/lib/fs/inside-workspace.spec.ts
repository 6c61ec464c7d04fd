import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { asPathSegment, resolveInsideWorkspace } from './inside-workspace';

describe('resolveInsideWorkspace', () => {
  it.each([
    ['evidence/../../escape/x.md', 'a path that leaves the workspace'],
    ['/etc/passwd', 'an absolute path'],
    ['..', 'a path that leaves the workspace'],
  ])('refuses %s', (path, why) => {
    expect(resolveInsideWorkspace('/work/ws', path)).toEqual({ ok: false, error: `${path}: found ${why}, expected a path inside the workspace` });
  });

  it('keeps paths inside, and refuses a symlink below the guarded folder only', () => {
    const { root, cleanup } = makeTempWorkspace({ 'evidence/gates/VG-A-001/latest.json': '{}' });
    try {
      expect(resolveInsideWorkspace(root, 'evidence/gates/VG-A-001/records', 'evidence')).toEqual({ ok: true, path: join(root, 'evidence/gates/VG-A-001/records') });
      mkdirSync(join(root, 'elsewhere'));
      symlinkSync(join(root, 'elsewhere'), join(root, 'evidence/gates/VG-A-001/records'), 'dir');
      expect(resolveInsideWorkspace(root, 'evidence/gates/VG-A-001/records/000001-VG-A-001.json', 'evidence')).toEqual({
        ok: false,
        error: 'evidence/gates/VG-A-001/records: found a symlink inside the evidence folder, expected a real folder or file',
      });
      symlinkSync(join(root, 'elsewhere'), join(root, 'linked'), 'dir');
      expect(resolveInsideWorkspace(root, 'linked/x', 'evidence').ok).toBe(true);
    } finally {
      cleanup();
    }
  });
});

describe('asPathSegment', () => {
  it.each(['../../../x', '0.5.0/../..', '..', '', 'a\\b'])('refuses %j', (value) => expect(asPathSegment('--releaseVersion', value).ok).toBe(false));
  it('accepts a version', () => expect(asPathSegment('--releaseVersion', '0.5.0-rc.1')).toEqual({ ok: true, path: '0.5.0-rc.1' }));
});
