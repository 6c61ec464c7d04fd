import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import { resolveCore } from '../consumers/resolve-core';
import { compatResultsAt } from '../release/evidence-for-commit';
import { governanceSettingsSchema } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { readLatestCompatResult } from './compat-store';
import { restampRestoredCompat } from './restamp-restored-compat';
import { runCompat } from './run-compat';

/** Each case runs a consumer and some thirty git commands: seconds on a busy machine. */
const GIT_HEAVY_MS = 60_000;

const consumer: ResolvedConsumer = {
  name: 'app-a',
  project: '@demo/app-a',
  path: 'packages/app-a',
  language: 'node',
  test: { argv: [process.execPath, '-e', 'process.exit(0)'], cwd: 'packages/app-a', env: {}, timeoutSeconds: 60 },
  declaredIn: 'packages/app-a/governance.consumer.json',
};

/**
 * What `nx release version` then a commit does to a compat result: the consumer ran against the
 * bumped core before the bump was committed (dirty), the commit changes none of its inputs, so Nx
 * restores that result. It must name the commit it now stands for, not the one it first ran on.
 */
describe('restampRestoredCompat', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: workspace.root, encoding: 'utf8' }).stdout.trim();
  const settings = governanceSettingsSchema.parse({ core: { project: '@demo/core', path: 'packages/core' } });
  const core = () => resolveCore(diskFileReader(workspace.root), settings)!;
  const history = () => readdirSync(join(workspace.root, 'evidence/compat/app-a/results')).filter((f) => f.endsWith('.json'));

  beforeEach(() => {
    workspace = makeTempWorkspace({
      '.gitignore': 'evidence/\n',
      'packages/core/package.json': JSON.stringify({ name: '@demo/core', version: '1.0.0', main: 'index.js' }),
      'packages/core/index.js': 'exports.x = 1;\n',
      'packages/app-a/package.json': JSON.stringify({ name: '@demo/app-a', version: '0.1.0' }),
    });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'initial');
  });
  afterEach(() => workspace.cleanup());

  it('names the core commit and clean state a restored result now stands for, and the run it came from', async () => {
    writeFiles(workspace.root, { 'packages/core/package.json': JSON.stringify({ name: '@demo/core', version: '1.2.3', main: 'index.js' }) });
    const ran = await runCompat({ root: workspace.root, settings, core: core(), consumer, log: () => undefined });
    expect(ran.tuple.core.dirty).toBe(true);
    git('commit', '-qam', 'chore(release): 1.2.3');
    const candidate = git('rev-parse', 'HEAD');
    expect(compatResultsAt(workspace.root, settings, ['app-a'], candidate).get('app-a')).toBeUndefined();

    const restamped = restampRestoredCompat({ root: workspace.root, settings, core: core(), consumer });
    expect(restamped).toMatchObject({ restamped: true });
    const latest = readLatestCompatResult(workspace.root, settings, 'app-a')!;
    expect(latest.tuple.core).toEqual({ project: '@demo/core', version: '1.2.3', commit: candidate, dirty: false });
    expect(latest.restoredFrom).toEqual({ digest: ran.digest, finishedAt: ran.finishedAt, coreCommit: ran.tuple.core.commit, coreDirty: true });
    expect({ result: latest.result, outcome: latest.outcome }).toEqual({ result: ran.result, outcome: ran.outcome });
    expect(compatResultsAt(workspace.root, settings, ['app-a'], candidate).get('app-a')?.digest).toBe(latest.digest);
  }, GIT_HEAVY_MS);

  it('leaves a result that already names the core as it is alone, and reuses its re-stamp when Nx restores the same result again', async () => {
    const ran = await runCompat({ root: workspace.root, settings, core: core(), consumer, log: () => undefined });
    expect(restampRestoredCompat({ root: workspace.root, settings, core: core(), consumer })).toEqual({ restamped: false });
    git('commit', '-q', '--allow-empty', '-m', 'docs');
    writeFileSync(join(workspace.root, 'packages/core/README.md'), 'docs\n');
    git('add', '-A');
    git('commit', '-qm', 'core docs');
    const restored = JSON.stringify(ran, null, 2);
    expect(restampRestoredCompat({ root: workspace.root, settings, core: core(), consumer })).toMatchObject({ restamped: true });
    const files = history();
    // Nx restores the first result over latest again: the re-stamp already in the history is reused.
    writeFileSync(join(workspace.root, 'evidence/compat/app-a/latest.json'), `${restored}\n`);
    expect(restampRestoredCompat({ root: workspace.root, settings, core: core(), consumer })).toMatchObject({ restamped: true });
    expect(history()).toEqual(files);
    expect(readLatestCompatResult(workspace.root, settings, 'app-a')!.tuple.core.commit).toBe(git('rev-parse', 'HEAD'));
  }, GIT_HEAVY_MS);
});
