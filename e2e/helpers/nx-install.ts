import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/** An Nx install the end-to-end workspaces link as their node_modules, and the nx binary in it. */
export interface NxInstall {
  nodeModules: string;
  nxBin: string;
  /** What a workspace's package.json declares of it (the plugin included). */
  packages: Record<string, string>;
}

/** The repository's own install: the Nx the workspace pins and the plugin built from source. */
export function repositoryNx(): NxInstall {
  const nodeModules = join(REPO_ROOT, 'node_modules');
  return { nodeModules, nxBin: nxBinIn(nodeModules), packages: { nx: versionIn(nodeModules, 'nx'), 'nx-governance': versionIn(nodeModules, 'nx-governance') } };
}

/** The Nx 23 packages the second-major suite runs on (@nx/js has no 23.3.2, and its @nx/devkit must match it). */
export const NX_23 = { nx: '23.3.1', '@nx/devkit': '23.3.1', '@nx/js': '23.3.1' };

const INSTALL_PREFIX = 'nx-governance-e2e-nx-';
const INSTALL_TIMEOUT_MS = 240_000;
/** Each plugin build gets its own install (about 120 MB); one no run has used for this long goes. */
const UNUSED_MS = 2 * 60 * 60_000;
const LOCK_STALE_MS = INSTALL_TIMEOUT_MS + 60_000;

/**
 * `packages` and the packed plugin installed from the registry into a folder
 * of the system's temporary directory named by what it holds, so a rerun with
 * the same versions and the same plugin build reuses it. npm resolves the
 * plugin's peer range against this Nx, as it would for a user: a range that
 * leaves the major out fails the install. Workers of one run share the install
 * through a lock folder. Throws, saying why, when the registry cannot be reached.
 */
export function installNx(packages: Record<string, string>): NxInstall {
  const tarball = packPlugin();
  const key = createHash('sha256').update(JSON.stringify(packages)).update(readFileSync(tarball)).digest('hex').slice(0, 16);
  const folder = join(tmpdir(), `${INSTALL_PREFIX}${packages.nx}-${key}`);
  const done = join(folder, 'installed');
  const lock = `${folder}.lock`;
  for (;;) {
    if (existsSync(done)) break;
    if (takeLock(lock)) {
      try {
        if (!existsSync(done)) installInto(folder, packages, tarball);
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
      break;
    }
    // Another worker installs the same thing: wait for it rather than download twice.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
  }
  rmSync(tarball, { force: true });
  utimesSync(done, new Date(), new Date());
  pruneUnusedInstalls();
  const nodeModules = join(folder, 'node_modules');
  return { nodeModules, nxBin: nxBinIn(nodeModules), packages: { ...packages, 'nx-governance': versionIn(nodeModules, 'nx-governance') } };
}

/** `npm pack` of the built plugin, as it would be published; the path of the tarball. */
export function packPlugin(): string {
  const plugin = join(REPO_ROOT, 'packages', 'nx-governance');
  // A build that stopped half way leaves a dist without schemas: nx add would then find no init generator and still exit 0.
  if (!existsSync(join(plugin, 'dist', 'index.js')) || !existsSync(join(plugin, 'dist', 'generators', 'init', 'schema.json'))) {
    throw new Error('The plugin is not built: run `npx nx run nx-governance:build` before the end-to-end tests.');
  }
  const destination = mkdtempSync(join(tmpdir(), 'nx-governance-pack-'));
  const packed = npm(['pack', '--json', '--pack-destination', destination], plugin, 60_000);
  const [{ filename }] = JSON.parse(packed) as Array<{ filename: string }>;
  return join(destination, filename);
}

function pruneUnusedInstalls(): void {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(INSTALL_PREFIX))) {
    const folder = join(tmpdir(), name);
    // The marker is touched on every use; a folder without one is a staging folder or lock a killed run left.
    const used = statSync(join(folder, 'installed'), { throwIfNoEntry: false }) ?? statSync(folder, { throwIfNoEntry: false });
    if (used && Date.now() - used.mtimeMs > UNUSED_MS) rmSync(folder, { recursive: true, force: true });
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // A lock left by a killed run would block every later one.
    const taken = statSync(lock, { throwIfNoEntry: false });
    if (taken && Date.now() - taken.mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

function installInto(folder: string, packages: Record<string, string>, tarball: string): void {
  const staging = `${folder}.staging`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ name: 'nx-install', version: '0.0.0', private: true }, null, 2)}\n`);
  const specs = [...Object.entries(packages).map(([name, version]) => `${name}@${version}`), tarball];
  npm(['install', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', ...specs], staging, INSTALL_TIMEOUT_MS);
  writeFileSync(join(staging, 'installed'), `${specs.join('\n')}\n`);
  rmSync(folder, { recursive: true, force: true });
  renameSync(staging, folder);
}

function npm(args: string[], cwd: string, timeout: number): string {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8', timeout, maxBuffer: 16 * 1024 * 1024 });
  if (result.status === 0) return result.stdout;
  const why = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
  const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
  throw new Error(`npm ${args.join(' ')} in ${cwd} failed (${why}); these end-to-end tests need the npm registry or a warm npm cache:\n${tail}`);
}

function versionIn(nodeModules: string, name: string): string {
  return JSON.parse(readFileSync(join(nodeModules, name, 'package.json'), 'utf8')).version as string;
}

function nxBinIn(nodeModules: string): string {
  const bin = JSON.parse(readFileSync(join(nodeModules, 'nx', 'package.json'), 'utf8')).bin as Record<string, string>;
  return join(nodeModules, 'nx', bin.nx);
}
