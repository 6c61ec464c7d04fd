import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { packPlugin } from './nx-install';
import { REPO_ROOT } from './paths';

const VERDACCIO_BIN = join(REPO_ROOT, 'node_modules', 'verdaccio', 'bin', 'verdaccio');
/** A registry that has not answered by then will not: fail with its output rather than hang the suite. */
const START_TIMEOUT_MS = 30_000;
const NPM_TIMEOUT_MS = 120_000;

/**
 * A verdaccio registry on 127.0.0.1, as Nx's own end-to-end suite uses: the
 * only way to test `nx add` is to let npm install the plugin from a registry.
 * `nx-governance` is served from here alone (published without real
 * credentials); every other package is proxied to the registry npm is
 * configured with, so npm's own cache serves the tarballs it already has.
 */
export class LocalRegistry {
  private constructor(
    readonly url: string,
    private readonly folder: string,
    private readonly server: ChildProcess,
    private readonly log: () => string,
  ) {}

  static async start(): Promise<LocalRegistry> {
    const folder = mkdtempSync(join(tmpdir(), 'nx-governance-registry-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    writeFileSync(join(folder, 'config.yaml'), verdaccioConfig(folder, upstreamRegistry()));
    // The registry's own npm user config: a token npm sends on publish (verdaccio lets anyone publish the plugin).
    writeFileSync(join(folder, '.npmrc'), `//127.0.0.1:${port}/:_authToken=local-registry-token\n`);
    const server = spawn(process.execPath, [VERDACCIO_BIN, '--config', join(folder, 'config.yaml'), '--listen', `127.0.0.1:${port}`], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so stop() ends everything it started.
      detached: true,
    });
    let output = '';
    server.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
    server.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-20_000)));
    const registry = new LocalRegistry(url, folder, server, () => output);
    const ready = await registry.waitUntilReady();
    if (!ready.ok) {
      await registry.stop();
      throw new Error(`verdaccio did not start on ${url}: ${ready.why}\n${output}`);
    }
    return registry;
  }

  /** Packs the built plugin as npm would publish it (packPlugin) and publishes it here; returns the version. */
  publishPlugin(): string {
    const tarball = packPlugin();
    try {
      this.npm(dirname(tarball), 'publish', tarball, '--tag', 'latest', '--access', 'public');
      return basename(tarball).replace(/^nx-governance-|\.tgz$/g, '');
    } finally {
      rmSync(dirname(tarball), { recursive: true, force: true });
    }
  }

  /** An .npmrc for a workspace that installs from here. */
  npmrc(): string {
    return `registry=${this.url}\naudit=false\nfund=false\nupdate-notifier=false\n`;
  }

  /** `npm install` in a workspace whose .npmrc points here (see npmrc()), as a user would run it; a big install (@nx/js) may need longer than the default. */
  install(cwd: string, timeoutMs = NPM_TIMEOUT_MS): void {
    const result = spawnSync('npm', ['install'], { cwd, encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
    if (result.status !== 0) throw new Error(`npm install (in ${cwd}) exited ${result.status ?? result.signal}, expected 0:\n${result.stdout}\n${result.stderr}\n${this.log()}`);
  }

  /** Ends verdaccio's whole process group and removes its storage. */
  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (this.server.exitCode !== null || this.server.signalCode !== null ? resolve() : this.server.once('exit', () => resolve())));
    killGroup(this.server, 'SIGTERM');
    const killer = setTimeout(() => killGroup(this.server, 'SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
    rmSync(this.folder, { recursive: true, force: true });
  }

  private npm(cwd: string, ...args: string[]): string {
    const result = spawnSync('npm', [...args, `--registry=${this.url}`, `--userconfig=${join(this.folder, '.npmrc')}`], {
      cwd,
      encoding: 'utf8',
      timeout: NPM_TIMEOUT_MS,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    });
    if (result.status !== 0) {
      throw new Error(`npm ${args.join(' ')} (in ${cwd}) exited ${result.status ?? result.signal}, expected 0:\n${result.stdout}\n${result.stderr}\n${this.log()}`);
    }
    return result.stdout;
  }

  private async waitUntilReady(): Promise<{ ok: true } | { ok: false; why: string }> {
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (this.server.exitCode !== null) return { ok: false, why: `it exited with ${this.server.exitCode}` };
      try {
        if ((await fetch(`${this.url}-/ping`)).ok) return { ok: true };
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { ok: false, why: `no answer to -/ping within ${START_TIMEOUT_MS / 1000}s` };
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** The registry npm is configured with here (a mirror in some CI), to proxy everything but the plugin to. */
function upstreamRegistry(): string {
  const result = spawnSync('npm', ['config', 'get', 'registry'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 });
  const registry = result.status === 0 ? result.stdout.trim() : '';
  if (!/^https?:\/\//.test(registry)) throw new Error(`npm config get registry: found ${JSON.stringify(registry || result.stderr)}, expected a registry URL`);
  return registry;
}

function verdaccioConfig(folder: string, upstream: string): string {
  return [
    `storage: ${JSON.stringify(join(folder, 'storage'))}`,
    'auth:',
    '  htpasswd:',
    `    file: ${JSON.stringify(join(folder, 'htpasswd'))}`,
    '    max_users: -1',
    'uplinks:',
    '  upstream:',
    `    url: ${JSON.stringify(upstream)}`,
    '    timeout: 60s',
    'packages:',
    // Never proxied: the plugin under test is the one published here, whatever the upstream holds.
    "  'nx-governance':",
    '    access: $all',
    '    publish: $all',
    '    unpublish: $all',
    "  '**':",
    '    access: $all',
    '    proxy: upstream',
    'log: { type: stdout, format: pretty, level: warn }',
    '',
  ].join('\n');
}

/** A port nothing listens on now, from the system. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port from the system'))));
    });
  });
}
