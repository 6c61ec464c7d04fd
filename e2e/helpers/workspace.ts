import { spawnSync } from 'node:child_process';
import { cpSync, type Dirent, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { type NxInstall, repositoryNx } from './nx-install';
import { REPO_ROOT } from './paths';

export { REPO_ROOT };
export const NX_BIN = join(REPO_ROOT, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, without colour codes. */
  output: string;
}

/**
 * A temporary Nx workspace with real git: the bundled governance data and
 * project folders, an Nx install linked as its node_modules (the repository's,
 * so `nx-governance` resolves to the built plugin as it would from npm, or
 * another major's from `installNx`), and one initial commit.
 */
export class TestWorkspace {
  private constructor(
    readonly root: string,
    readonly install: NxInstall,
  ) {}

  static create(options: { bundled?: boolean; nx?: NxInstall } = {}): TestWorkspace {
    if (!existsSync(join(REPO_ROOT, 'packages/nx-governance/dist/index.js'))) {
      throw new Error('The plugin is not built: run `npx nx run nx-governance:build` before the end-to-end tests.');
    }
    const root = mkdtempSync(join(tmpdir(), 'nx-governance-e2e-'));
    const workspace = new TestWorkspace(root, options.nx ?? repositoryNx());
    workspace.writeInstalledPackages();
    workspace.write('nx.json', JSON.stringify({ plugins: ['nx-governance'], sync: { globalGenerators: ['nx-governance:sync'] }, analytics: false }, null, 2));
    workspace.write('.gitignore', 'node_modules\n.nx\ntarget/\n__pycache__/\n');
    symlinkSync(workspace.install.nodeModules, join(root, 'node_modules'), 'dir');
    if (options.bundled ?? true) workspace.copyBundled();
    workspace.git('init', '-q', '-b', 'main');
    workspace.git('config', 'user.name', 'e2e');
    workspace.git('config', 'user.email', 'e2e@example.com');
    workspace.git('add', '-A');
    workspace.git('commit', '-q', '-m', 'initial');
    return workspace;
  }

  /**
   * An empty temporary folder with git and nothing else, for a workspace a test
   * builds itself (e.g. installs from a registry: no linked node_modules).
   */
  static bare(): TestWorkspace {
    const workspace = new TestWorkspace(mkdtempSync(join(tmpdir(), 'nx-governance-e2e-bare-')), repositoryNx());
    workspace.git('init', '-q', '-b', 'main');
    workspace.git('config', 'user.name', 'e2e');
    workspace.git('config', 'user.email', 'e2e@example.com');
    return workspace;
  }

  /**
   * package.json and package-lock.json as npm leaves them after installing nx
   * and the plugin, so Nx sees `nx-governance` as an external dependency
   * (the node_modules folder itself is the install's, linked).
   */
  writeInstalledPackages(): void {
    const installed = this.install.packages;
    const manifest = { name: 'governed-workspace', version: '0.0.0', private: true, devDependencies: installed };
    this.write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
    const packages: Record<string, object> = { '': { name: manifest.name, version: manifest.version, devDependencies: installed } };
    for (const [name, version] of Object.entries(installed)) packages[`node_modules/${name}`] = { version, dev: true, license: 'MIT' };
    this.write('package-lock.json', `${JSON.stringify({ name: manifest.name, version: manifest.version, lockfileVersion: 3, requires: true, packages }, null, 2)}\n`);
  }

  /** The governance data and the project folders of the bundled workspace. */
  copyBundled(): void {
    cpSync(join(REPO_ROOT, 'governance'), join(this.root, 'governance'), { recursive: true });
    cpSync(join(REPO_ROOT, 'evidence', 'attestations'), join(this.root, 'evidence', 'attestations'), { recursive: true });
    cpSync(join(REPO_ROOT, 'docs', 'execution-plan'), join(this.root, 'docs', 'execution-plan'), { recursive: true });
    for (const folder of ['loop', ...readdirSync(join(REPO_ROOT, 'vendor')).map((name) => `vendor/${name}`)]) {
      // With the sources' timestamps and the crates' target/ from the e2e global setup, cargo finds the build fresh.
      cpSync(join(REPO_ROOT, folder), join(this.root, folder), {
        recursive: true,
        preserveTimestamps: true,
        filter: (src) => !/[\\/](__pycache__|node_modules)$/.test(src),
      });
    }
  }

  path(relative: string): string {
    return join(this.root, relative);
  }

  read(relative: string): string {
    return readFileSync(this.path(relative), 'utf8');
  }

  write(relative: string, content: string): void {
    const full = this.path(relative);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }

  delete(relative: string): void {
    rmSync(this.path(relative), { recursive: true, force: true });
  }

  /** Every file under `relative` (a folder of the workspace), as workspace paths; none when it does not exist. */
  files(relative: string): string[] {
    const folder = this.path(relative);
    if (!existsSync(folder)) return [];
    return (readdirSync(folder, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(this.root.length + 1).split(sep).join('/'));
  }

  exists(relative: string): boolean {
    return existsSync(this.path(relative));
  }

  git(...args: string[]): string {
    const result = spawnSync('git', args, { cwd: this.root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout.trim();
  }

  /** Runs the real nx binary with the daemon off, as CI does: the workspace's own install when it has one, as `npx nx` would. */
  nx(...args: string[]): RunResult {
    return this.nxWithEnv({}, ...args);
  }

  /**
   * Nx 24 keeps its cache per user and repository (under ~/.nx); the test's own
   * folders keep each workspace's cache apart and go when the workspace goes.
   */
  nxWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): RunResult {
    // The workspace's own nx when it has one (installed there, or the install it links), else the install it was made with.
    const ownNx = this.path('node_modules/nx/dist/bin/nx.js');
    const result = spawnSync(process.execPath, [existsSync(ownNx) ? ownNx : this.install.nxBin, ...args], {
      cwd: this.root,
      encoding: 'utf8',
      env: { ...withoutNxSettings(process.env), ...this.nxEnv(), ...env },
      // No standard input, as in CI: nothing may wait for an answer.
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const stdout = result.stdout ?? '';
    const stderr = result.stderr ?? '';
    return { code: result.status ?? 1, stdout, stderr, output: `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
  }

  /** The environment nx runs with here: no daemon, no cloud, plain output, this workspace's own cache. */
  nxEnv(): NodeJS.ProcessEnv {
    return {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      FORCE_COLOR: '0',
      NX_VERBOSE_LOGGING: 'false',
      NX_CACHE_DIRECTORY: join(this.root, '.nx', 'cache'),
      NX_WORKSPACE_DATA_DIRECTORY: join(this.root, '.nx', 'workspace-data'),
    };
  }

  /** A `git clone` of this workspace in a new temporary folder, with the same node_modules. */
  cloneTo(): TestWorkspace {
    const root = mkdtempSync(join(tmpdir(), 'nx-governance-e2e-clone-'));
    const clone = spawnSync('git', ['clone', '-q', this.root, root], { encoding: 'utf8' });
    if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`);
    symlinkSync(this.install.nodeModules, join(root, 'node_modules'), 'dir');
    const workspace = new TestWorkspace(root, this.install);
    workspace.git('config', 'user.name', 'e2e');
    workspace.git('config', 'user.email', 'e2e@example.com');
    return workspace;
  }

  /** Commits everything with `message`; returns the new commit. */
  commit(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** Replaces `from` with `to` in a file, failing loudly when `from` is not there. */
  edit(relative: string, from: string, to: string): void {
    const text = this.read(relative);
    if (!text.includes(from)) throw new Error(`${relative} does not contain ${JSON.stringify(from)}`);
    this.write(relative, text.replace(from, to));
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * The environment without the user's Nx settings (NX_BASE, NX_DAEMON, NX_CACHE_DIRECTORY,
 * NX_SKIP_NX_CACHE, NX_SELF_HOSTED_REMOTE_CACHE_SERVER…): a test says every one it needs,
 * so it asserts the same whatever a developer or CI has exported.
 */
export function withoutNxSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith('NX_')));
}

/**
 * The `nx run project:target` lines of a run with what follows them. Nx writes
 * `> nx run …` when it runs one task and `✔  nx run …` (or `✖`) in a summary of
 * many; a cache hit adds `[local cache]`, or `[existing outputs match the cache,
 * left as is]` when the outputs on disk were already the cached ones.
 */
function taskLines(result: RunResult): Map<string, string> {
  const lines = new Map<string, string>();
  for (const match of result.output.matchAll(/^\s*(?:>|✔|✖|×)\s+nx run (\S+)(.*)$/gm)) {
    lines.set(match[1], `${lines.get(match[1]) ?? ''} ${match[2]}`);
  }
  return lines;
}

export function servedFromCache(result: RunResult, task: string): boolean {
  return /\[local cache\]|\[existing outputs match the cache, left as is\]|\[remote cache\]/.test(taskLines(result).get(task) ?? '');
}

/** The tasks Nx ran or restored in a run. */
export function tasksInRun(result: RunResult): string[] {
  return [...taskLines(result).keys()].sort();
}

/** The tasks of a run that Nx really executed, not served from a cache. */
export function tasksExecuted(result: RunResult): string[] {
  return tasksInRun(result).filter((task) => !servedFromCache(result, task));
}
