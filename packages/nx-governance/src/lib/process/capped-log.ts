import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { asFileWriteError } from '../fs/file-write-error';
import { writeFully } from '../fs/write-file-atomically';

/**
 * A command's log file, written as the output arrives and cut at `cap` bytes;
 * the sha256 and the byte count cover all of the output, also the part beyond.
 */
export class CappedLog {
  private readonly hash = createHash('sha256');
  private readonly fd: number | undefined;
  private bytes = 0;
  private truncated = false;
  /** The first write that failed (a full disk): writing stops, the run fails with it. */
  failure: unknown;

  constructor(
    private readonly file: string | undefined,
    private readonly cap: number,
  ) {
    if (!file) return;
    try {
      mkdirSync(dirname(file), { recursive: true });
      this.fd = openSync(file, 'w');
    } catch (error) {
      throw asFileWriteError(file, error);
    }
  }

  write(chunk: Buffer): void {
    this.hash.update(chunk);
    const room = Math.max(0, this.cap - this.bytes);
    this.bytes += chunk.length;
    if (this.truncated) return;
    if (chunk.length <= room) {
      this.append(chunk);
      return;
    }
    this.truncated = true;
    this.append(chunk.subarray(0, room));
    this.append(`\n[output truncated at ${this.cap} bytes; the sha256 covers all of it]\n`);
  }

  /** Closes the file (with a last line saying why the command never started) and returns what evidence records of the output. */
  close(spawnError?: string): { outputBytes: number; outputSha256: string; truncated: boolean } {
    if (this.fd !== undefined) {
      if (spawnError) this.append(`${spawnError}\n`);
      try {
        if (!this.failure) fsyncSync(this.fd);
      } catch (error) {
        this.failure = asFileWriteError(this.file ?? '', error);
      }
      closeSync(this.fd);
    }
    return { outputBytes: this.bytes, outputSha256: this.hash.digest('hex'), truncated: this.truncated };
  }

  private append(data: Buffer | string): void {
    if (this.fd === undefined || this.failure) return;
    try {
      writeFully(this.fd, typeof data === 'string' ? Buffer.from(data) : data);
    } catch (error) {
      this.failure = asFileWriteError(this.file ?? '', error);
    }
  }
}
