import { logger, readNxJson, type Tree, updateNxJson } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { validateGovernance } from '../../lib/validation/validate-governance';
import { treeFileReader } from '../tree-file-reader';
import syncGenerator from '../sync/generator';
import initGenerator from './generator';

function snapshot(tree: Tree): Record<string, string> {
  return Object.fromEntries(tree.listChanges().map((c) => [c.path, c.content?.toString() ?? '']));
}

const COMPAT_DOC = '# Compatibility\n\n| Tuple | cairn | cairn-py |\n|---|---|---|\n| current | `4f2a9c1` | `9be03d7` |\n';

describe('init generator', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write('README.md', '# My workspace\n');
  });

  it('writes the evidence policy into .gitignore, and with --ci=github a workflow (an existing one is kept)', async () => {
    tree.write('libs/core/project.json', JSON.stringify({ name: 'core', root: 'libs/core' }));
    await initGenerator(tree, { coreProject: 'core', ci: 'github' });
    expect(tree.read('.gitignore', 'utf8')).toContain('evidence/gates/*/records/');
    expect(tree.read('.github/workflows/governance.yml', 'utf8')).toContain('npx nx run governance:gate --junit=reports/governance-junit.xml');
    tree.write('.github/workflows/governance.yml', '# mine\n');
    await initGenerator(tree, { ci: 'github' });
    expect(tree.read('.github/workflows/governance.yml', 'utf8')).toBe('# mine\n');
  });

  it("with --ci=gitlab writes the GitLab pipeline for nx.json's defaultBase, sharding compat as asked", async () => {
    tree.write('libs/core/project.json', JSON.stringify({ name: 'core', root: 'libs/core' }));
    updateNxJson(tree, { ...readNxJson(tree), defaultBase: 'origin/develop' });
    await initGenerator(tree, { coreProject: 'core', ci: 'gitlab', ciShards: 2 });
    const pipeline = tree.read('.gitlab-ci.yml', 'utf8') ?? '';
    expect(pipeline).toContain('  parallel: 2\n');
    expect(pipeline).toContain('- if: $CI_COMMIT_BRANCH == "develop"');
    expect(pipeline).toContain('npx nx run governance:compat-run --affected --shard=$CI_NODE_INDEX/$CI_NODE_TOTAL');
    expect(tree.exists('.github/workflows/governance.yml')).toBe(false);
  });

  it('registers the plugin and its sync generator, and writes valid governance for the core it was given', async () => {
    tree.write('libs/core/project.json', JSON.stringify({ name: 'core', root: 'libs/core' }));
    await initGenerator(tree, { coreProject: 'core' });
    const nxJson = readNxJson(tree);
    expect(nxJson?.plugins).toContain('nx-governance');
    expect(nxJson?.sync?.globalGenerators).toEqual(['nx-governance:sync']);
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '')).toEqual({
      $schema: '../node_modules/nx-governance/schemas/governance.schema.json',
      core: { project: 'core' },
      paths: { milestones: 'governance/milestones', evidence: 'evidence', docs: 'docs/execution-plan' },
    });
    const playbook = JSON.parse(tree.read('governance/playbook.json', 'utf8') ?? '');
    // Only triggers rollback-check can judge from what the workspace has: a metric trigger on a file nobody writes stays inconclusive for good.
    expect(playbook.rollbackTriggers.map((t: { id: string }) => t.id)).toEqual(['functional', 'compatibility']);
    for (const trigger of playbook.rollbackTriggers as Array<{ file?: string }>) if (trigger.file) expect(tree.exists(trigger.file)).toBe(true);
    expect(JSON.parse(tree.read('governance/cadence.json', 'utf8') ?? '').activities.length).toBeGreaterThan(0);
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json', { projects: new Map([['core', []], ['governance', ['validate']]]) });
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(tree.read('README.md', 'utf8')).toBe('# My workspace\n');
    expect(await syncGenerator(tree)).toEqual({});
  });

  it('runs without options: finds the core named by an existing compatibility document, and renders beside, not over, the originals', async () => {
    tree.write('Cargo.toml', '[package]\nname = "cairn"\nversion = "0.7.0"\n');
    tree.write('docs/execution-plan/COMPATIBILITY-MATRIX.md', COMPAT_DOC);
    tree.write('docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md', '# Playbook\n\nBy hand.\n');
    await initGenerator(tree, {});
    const settings = JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '');
    // The root library is the project Nx has at the root: the empty workspace's package.json names it.
    expect(settings.core).toEqual({ project: '@proj/source', path: '.' });
    expect(settings.paths.docs).toBe('governance/docs');
    expect(tree.read('docs/execution-plan/COMPATIBILITY-MATRIX.md', 'utf8')).toBe(COMPAT_DOC);
    expect(tree.read('docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md', 'utf8')).toBe('# Playbook\n\nBy hand.\n');
    expect(await syncGenerator(tree)).toEqual({});
  });

  it("names a Rust library at the root after the Nx project there: package.json's name, not Cargo.toml's", async () => {
    // Nx names the root project after the root package.json (nx init writes one); the plugin's core targets join that project.
    tree.write('Cargo.toml', '[package]\nname = "ferrocore"\nversion = "1.5.0"\n');
    tree.write('package.json', JSON.stringify({ name: 'ferro-ws', version: '0.0.0', private: true }));
    await initGenerator(tree, {});
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toEqual({ project: 'ferro-ws', path: '.' });
  });

  it('without a package.json or project.json at the root, a Rust library at the root is its own project, named after Cargo.toml', async () => {
    tree.delete('package.json');
    tree.write('Cargo.toml', '[package]\nname = "ferrocore"\nversion = "1.5.0"\n');
    await initGenerator(tree, {});
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toEqual({ project: 'ferrocore', path: '.' });
  });

  it('takes the only Rust or JS library at the root when no document names the core', async () => {
    tree.write('package.json', JSON.stringify({ name: '@acme/engine', version: '1.0.0', main: 'index.js' }));
    await initGenerator(tree, {});
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toEqual({ project: '@acme/engine', path: '.' });
  });

  describe('in an @nx/js workspace (libraries under packages/, none at the root)', () => {
    const library = (folder: string, name: string, dependencies: Record<string, string> = {}) => {
      tree.write(`packages/${folder}/package.json`, JSON.stringify({ name, version: '1.0.0', private: true, main: 'src/index.js', dependencies }));
      tree.write(`packages/${folder}/project.json`, JSON.stringify({ name, root: `packages/${folder}` }));
    };
    beforeEach(() => tree.write('package.json', JSON.stringify({ name: '@demo/source', private: true, workspaces: ['packages/*'] })));

    it('finds the core: the library the others depend on', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      library('core', '@demo/core');
      library('consumer-a', '@demo/consumer-a', { '@demo/core': '1.0.0' });
      library('consumer-b', '@demo/consumer-b', { '@demo/core': '*', lodash: '^4' });
      await initGenerator(tree, {});
      expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toEqual({ project: '@demo/core', path: 'packages/core' });
      expect(info.mock.calls.flat().join('\n')).toContain('Core project: @demo/core (the library the other projects depend on: @demo/consumer-a, @demo/consumer-b).');
      info.mockRestore();
    });

    it('when several libraries fit, names none, lists them and says what to pass', async () => {
      const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
      library('core', '@demo/core');
      library('util', '@demo/util');
      library('app', '@demo/app', { '@demo/core': '1.0.0', '@demo/util': '1.0.0' });
      await initGenerator(tree, {});
      expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toBeUndefined();
      expect(info.mock.calls.flat().join('\n')).toContain(
        'No core project yet: several libraries are depended on by as many projects: @demo/core, @demo/util; run `npx nx g nx-governance:init --coreProject=<one of them>`',
      );
      info.mockRestore();
    });
  });

  it('with no project at all (nx add on an empty workspace), writes valid governance without a core: playbook, cadence and documents', async () => {
    await initGenerator(tree, {});
    expect(readNxJson(tree)?.plugins).toContain('nx-governance');
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '')).toEqual({
      $schema: '../node_modules/nx-governance/schemas/governance.schema.json',
      paths: { milestones: 'governance/milestones', evidence: 'evidence', docs: 'docs/execution-plan' },
    });
    const playbook = JSON.parse(tree.read('governance/playbook.json', 'utf8') ?? '');
    expect(playbook.releaseClasses.map((c: { id: string }) => c.id)).toEqual([playbook.defaultReleaseClass]);
    expect(playbook.preReleaseChecklist.length).toBeGreaterThan(0);
    expect(playbook.rollbackTriggers.map((t: { id: string }) => t.id)).toEqual(['functional', 'compatibility']);
    expect(JSON.parse(tree.read('governance/cadence.json', 'utf8') ?? '').activities.length).toBeGreaterThan(0);
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json', { projects: new Map([['governance', ['validate']]]) });
    expect([result.errors, result.warnings]).toEqual([[], []]);
    expect(await syncGenerator(tree)).toEqual({});
  });

  it('names the core later: --coreProject adds it to governance written without one, and keeps one already named', async () => {
    await initGenerator(tree, {});
    tree.write('libs/core/project.json', JSON.stringify({ name: 'core', root: 'libs/core' }));
    tree.write('libs/other/project.json', JSON.stringify({ name: 'other', root: 'libs/other' }));
    await initGenerator(tree, { coreProject: 'core' });
    const settings = JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '');
    expect(Object.keys(settings)).toEqual(['$schema', 'core', 'paths']);
    expect(settings.core).toEqual({ project: 'core' });
    await initGenerator(tree, { coreProject: 'other' });
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toEqual({ project: 'core' });
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json', { projects: new Map([['core', []], ['other', []], ['governance', ['validate']]]) });
    expect([result.errors, result.warnings]).toEqual([[], []]);
  });

  it('names a TypeScript core with its folder, so its manifest gives the version readiness releases', async () => {
    tree.write('packages/core/package.json', JSON.stringify({ name: '@acme/core', version: '1.2.0', main: './dist/index.js' }));
    tree.write('packages/core/project.json', JSON.stringify({ name: '@acme/core', root: 'packages/core' }));
    await initGenerator(tree, { coreProject: '@acme/core' });
    expect(JSON.parse(tree.read('governance/governance.json', 'utf8') ?? '').core).toEqual({ project: '@acme/core', path: 'packages/core' });
  });

  it('refuses a core project that does not exist, with the known ones', async () => {
    tree.write('libs/core/project.json', JSON.stringify({ name: 'core', root: 'libs/core' }));
    await expect(initGenerator(tree, { coreProject: 'nope' })).rejects.toThrow('--coreProject=nope: no such project; expected one of: core');
  });

  it('on a repository without nx.json says so and what to run, and fails', async () => {
    tree.delete('nx.json');
    await expect(initGenerator(tree, {})).rejects.toThrow('No nx.json: this repository is not an Nx workspace yet. Run `npx nx@latest init` first, then `npx nx add nx-governance`.');
  });

  it('changes nothing when run twice', async () => {
    tree.write('Cargo.toml', '[package]\nname = "cairn"\nversion = "0.7.0"\n');
    await initGenerator(tree, {});
    const first = snapshot(tree);
    await initGenerator(tree, {});
    expect(snapshot(tree)).toEqual(first);
  });

  it('keeps an existing plugin registration with options and existing data', async () => {
    tree.write('libs/core/project.json', JSON.stringify({ name: 'core', root: 'libs/core' }));
    const nxJson = readNxJson(tree) ?? {};
    tree.write('nx.json', JSON.stringify({ ...nxJson, plugins: [{ plugin: 'nx-governance', options: { gateTargetName: 'gates' } }] }));
    tree.write('governance/gates.json', '{ "gates": [] }\n');
    await initGenerator(tree, { coreProject: 'core' });
    expect(readNxJson(tree)?.plugins).toEqual([{ plugin: 'nx-governance', options: { gateTargetName: 'gates' } }]);
    expect(tree.read('governance/gates.json', 'utf8')).toBe('{ "gates": [] }\n');
  });
});
