import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { asFileWriteError } from './file-write-error';

/**
 * Writes a file so that readers see the old content or the whole new content,
 * never a part: temp file in the same folder, fsync, rename, fsync the folder.
 * A failure (a full disk) removes the temp file and throws a FileWriteError
 * naming `path`; the old content stays.
 */
export function writeFileAtomically(path: string, content: string | Buffer): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    const fd = openSync(temp, 'w', 0o644);
    try {
      writeFully(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (cause) {
    rmSync(temp, { force: true });
    throw asFileWriteError(path, cause);
  }
  syncDirectory(dir);
}

/** A write to a nearly full disk may be short without an error: the next one reports ENOSPC. */
export function writeFully(fd: number, data: Buffer): void {
  for (let offset = 0; offset < data.length; ) offset += writeSync(fd, data, offset, data.length - offset);
}

function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  }
}
