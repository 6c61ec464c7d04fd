import { createHash } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hashArray, readJsonFile, writeJsonFile } from '@nx/devkit';
import { nxWorkspaceDataDirectory } from '../nx-internals';
import type { FileReader } from '../lib/workspace/file-reader';

interface Entry<T> {
  /** Every file inference read, with the hash of what it held (`-` for absent). */
  files: Array<[string, string]>;
  value: T;
}

/**
 * Inferred projects, kept on disk between runs (as Nx's own plugins keep
 * theirs) and reused while every file they were inferred from is unchanged.
 */
export class InferenceCache<T> {
  private readonly file: string;
  private readonly entries: Record<string, Entry<T>>;
  private readonly used: Record<string, Entry<T>> = {};

  constructor(
    private readonly reader: FileReader,
    options: object,
    workspaceRoot: string,
  ) {
    this.file = join(nxWorkspaceDataDirectory(workspaceRoot), `nx-governance-${hashArray([JSON.stringify(options), pluginVersion()])}.hash`);
    this.entries = existsSync(this.file) ? safeRead(this.file) : {};
  }

  /** The value cached under `key` while its files are unchanged, or `compute()`'s with the files it read. */
  get(key: string, compute: (reader: FileReader) => T): T {
    const cached = this.entries[key];
    if (cached && cached.files.every(([path, hash]) => this.hashOf(path) === hash)) {
      this.used[key] = cached;
      return cached.value;
    }
    const read = new Map<string, string>();
    const recording: FileReader = {
      read: (path) => {
        const text = this.reader.read(path);
        read.set(path, contentHash(text));
        return text;
      },
      // A listing is recorded too: a file added to a listed folder (a new milestone) must miss the cache.
      list: (dir, extension) => {
        const names = this.reader.list(dir, extension);
        read.set(listingKey(dir, extension), contentHash(names.join('\n')));
        return names;
      },
      findByName: (name) => {
        const paths = this.reader.findByName(name);
        read.set(searchKey(name), contentHash(paths.join('\n')));
        return paths;
      },
    };
    const value = compute(recording);
    this.used[key] = { files: [...read.entries()].sort(([a], [b]) => a.localeCompare(b)), value };
    return value;
  }

  /** The hash of a recorded read: a file's content, or a listing's names. */
  private hashOf(recorded: string): string {
    const [kind, a, b] = recorded.split('\0');
    if (kind === LISTING) return contentHash(this.reader.list(a, b).join('\n'));
    if (kind === SEARCH) return contentHash(this.reader.findByName(a).join('\n'));
    return contentHash(this.reader.read(recorded));
  }

  /** Keeps only what this run used, so the file does not grow without bound. */
  save(): void {
    try {
      writeJsonFile(this.file, this.used);
    } catch {
      // A read-only workspace still infers; it just infers again next time.
    }
  }
}

function contentHash(text: string | undefined): string {
  return text === undefined ? '-' : createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

function safeRead<T>(file: string): Record<string, Entry<T>> {
  try {
    return readJsonFile(file);
  } catch {
    return {};
  }
}

/**
 * The plugin's version and when its code last changed: a plugin developed in
 * the workspace (as here) changes without a new version.
 */
let version: string | undefined;
function pluginVersion(): string {
  // Computed once per process: inference runs on every Nx command, the plugin's code does not change within one.
  version ??= `${readJsonFile(join(__dirname, '..', '..', 'package.json')).version}@${newestModification(join(__dirname, '..'))}`;
  return version;
}

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const LISTING = 'list';
const SEARCH = 'find';
// NUL never occurs in a path, so these keys cannot collide with a file's.
const listingKey = (dir: string, extension: string) => [LISTING, dir, extension].join('\0');
const searchKey = (name: string) => [SEARCH, name].join('\0');
