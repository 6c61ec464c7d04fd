import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Nx's self-hosted remote cache API served on 127.0.0.1 by test code (remote-cache-server.mjs); the product uses Nx's own client. */
export interface CacheServer {
  url: string;
  server: ChildProcessWithoutNullStreams;
}

export function startCacheServer(): Promise<CacheServer> {
  const server = spawn(process.execPath, [join(__dirname, 'remote-cache-server.mjs')], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', (data) => resolve({ url: `http://127.0.0.1:${String(data).trim()}`, server }));
  });
}

/**
 * One request on a connection of its own: the tests block in spawnSync while nx runs, so a kept-alive
 * connection would be closed by the server unnoticed and the next request fail.
 */
function send(url: string, method: 'GET' | 'PUT', body?: Buffer): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    request.once('error', reject);
    request.end(body);
  });
}

/** The hashes clones asked the server for and did not find, in order. */
export async function missedHashes(cache: CacheServer): Promise<string[]> {
  return JSON.parse(String((await send(`${cache.url}/stats`, 'GET')).body)).missed;
}

export async function getEntry(cache: CacheServer, hash: string): Promise<Buffer> {
  const response = await send(`${cache.url}/v1/cache/${hash}`, 'GET');
  if (response.status !== 200) throw new Error(`the cache holds no entry ${hash} (${response.status})`);
  return response.body;
}

export async function putEntry(cache: CacheServer, hash: string, body: Buffer): Promise<void> {
  const response = await send(`${cache.url}/v1/cache/${hash}`, 'PUT', body);
  if (response.status !== 200) throw new Error(`the cache refused entry ${hash} (${response.status})`);
}

/**
 * An entry's files edited as someone with write access to the cache would:
 * unpacked with tar into a folder, `edit` changes the files there, packed again
 * the way it came (gzip or not).
 */
export function editEntry(body: Buffer, edit: (folder: string) => void): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'nx-governance-cache-entry-'));
  try {
    const gzip = body[0] === 0x1f && body[1] === 0x8b;
    const archive = join(work, 'entry.tar');
    const folder = join(work, 'files');
    writeFileSync(archive, body);
    spawnSync('mkdir', ['-p', folder]);
    const tar = (...args: string[]) => {
      const run = spawnSync('tar', args, { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`tar ${args.join(' ')}: ${run.stderr}`);
      return run.stdout;
    };
    const members = tar(gzip ? '-tzf' : '-tf', archive).split('\n').filter(Boolean);
    tar(gzip ? '-xzf' : '-xf', archive, '-C', folder);
    edit(folder);
    const packed = join(work, 'packed.tar');
    tar(gzip ? '-czf' : '-cf', packed, '-C', folder, '--no-recursion', ...members);
    return readFileSync(packed);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
