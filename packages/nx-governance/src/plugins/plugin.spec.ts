import type { CreateNodesContext } from '@nx/devkit';
import { copyBundledGovernance, makeTempWorkspace, writeFiles } from '../test-helpers/temp-workspace';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createNodes } from './plugin';
import { customIdFiles } from '../test-helpers/custom-ids';

const [glob, createNodesFunction] = createNodes;

function contextFor(workspaceRoot: string): CreateNodesContext {
  return { workspaceRoot, nxJsonConfiguration: {} };
}

/** The bundled governance with a root package.json that installs the plugin from npm, as a user's workspace has. */
function copyBundledWorkspace(root: string): void {
  copyBundledGovernance(root);
  writeFiles(root, { 'package.json': JSON.stringify({ name: 'governed', devDependencies: { nx: '24.0.0', 'nx-governance': '0.1.0' } }) });
}

describe('createNodes', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  const infer = async (files: string[], options?: object) => {
    const results = await createNodesFunction(files, options, contextFor(workspace.root));
    return Object.assign({}, ...results.map(([, result]) => result.projects));
  };

  it('matches settings files and consumer declarations anywhere', () => {
    expect(glob).toBe('**/{governance.json,governance.consumer.json}');
  });

  it('infers the governance project with validate, gate and compat-run targets', async () => {
    copyBundledWorkspace(workspace.root);
    const projects = await infer(['governance/governance.json']);
    const governance = projects['governance'];
    expect(governance).toMatchObject({ name: 'governance', projectType: 'library', tags: ['governance'] });
    expect(Object.keys(governance.targets)).toEqual([
      'validate',
      'gate',
      'gate-R0',
      'gate-R1',
      'gate-R2',
      'gate-R3',
      'gate-M6',
      'gate-M6-T01',
      'gate-M6-T02',
      'gate-M6-T03',
      'attest',
      'verify-evidence',
      'prune-evidence',
      'compat-run',
      'report',
      'compat-query',
      'cadence',
      'rollback-check',
      'release-readiness',
      'release-candidate',
      'page',
      'VG-CONTRACT-001',
      'VG-GOVERNANCE-001',
      'VG-LOOP-BUILD-001',
      'VG-LOOP-TEST-001',
      'VG-LOOP-CONTRACT-001',
      'VG-COMPAT-001',
      'VG-LOOP-PERF-001',
    ]);
    // What the check of the data reads: the data, every consumer file, the projects the data names (their configuration comes with them into the hash).
    const checkInputs = [
      '{workspaceRoot}/governance/*.json',
      '{workspaceRoot}/governance/gates/**/*.json',
      '{workspaceRoot}/governance/milestones/**/*',
      '{workspaceRoot}/governance/keys/**/*',
      '{workspaceRoot}/**/governance.consumer.json',
      { input: 'default', projects: ['io-rflx', 'loop', 'loop-agent', 'rlm-claude-code'] },
    ];
    expect(governance.targets.validate).toEqual({
      executor: 'nx-governance:validate',
      cache: true,
      inputs: [...checkInputs, { externalDependencies: ['nx-governance'] }],
      options: { settingsFile: 'governance/governance.json' },
      metadata: expect.any(Object),
    });
    const r2 = ['VG-GOVERNANCE-001', 'VG-LOOP-BUILD-001', 'VG-LOOP-TEST-001', 'VG-LOOP-CONTRACT-001', 'VG-COMPAT-001', 'VG-CONTRACT-001'];
    expect(governance.targets.gate).toEqual({
      executor: 'nx-governance:gate',
      // Cached on what its verdict reads; a restored one is judged again by the post-run hook (the cache is storage, not a judge).
      cache: true,
      inputs: [...checkInputs, { externalDependencies: ['nx-governance'] }],
      outputs: [],
      dependsOn: r2.map((target) => ({ target, params: 'ignore' })),
      options: { settingsFile: 'governance/governance.json' },
      metadata: { description: 'Run the gates of release class R2 (Consumer-visible) and report (6 gate(s))', technologies: ['nx-governance'] },
    });
    // A task card's run files its evidence under whatever day its gates ran.
    expect(governance.targets['gate-M6-T01']).toMatchObject({
      options: { task: 'M6-T01' },
      outputs: [
        '{workspaceRoot}/evidence/*/milestone-M6/M6-T01-*.md',
        '{workspaceRoot}/evidence/*/milestone-M6/M6-T01-*.json',
      ],
    });
    expect(governance.targets['gate-R3']).toMatchObject({ options: { releaseClass: 'R3' } });
    expect(governance.metadata.targetGroups['Gate runs: task cards']).toEqual(['gate-M6-T01', 'gate-M6-T02', 'gate-M6-T03']);
    expect(governance.metadata.targetGroups.Gates).toHaveLength(7);
    expect(governance.targets['compat-run']).toMatchObject({ executor: 'nx-governance:compat-run', options: { target: 'compat' } });
  });

  it('names the aggregates of milestones and cards after ids of the configured form', async () => {
    writeFiles(workspace.root, customIdFiles());
    const targets = Object.keys((await infer(['governance/governance.json']))['governance'].targets);
    expect(targets.filter((t) => t.startsWith('gate-') || t.startsWith('GATE-'))).toEqual(['gate-REL-3', 'gate-REL-3.1', 'GATE-BUILD-1']);
  });

  it('infers one cached target per gate, with the inputs, dependencies and outputs the gate has', async () => {
    copyBundledWorkspace(workspace.root);
    const { governance } = await infer(['governance/governance.json']);
    const contract = governance.targets['VG-LOOP-CONTRACT-001'];
    expect(contract).toMatchObject({
      executor: 'nx-governance:run-gate',
      cache: true,
      dependsOn: [{ projects: ['loop'], target: 'build' }],
      outputs: [
        '{workspaceRoot}/evidence/gates/VG-LOOP-CONTRACT-001/latest.json',
        '{workspaceRoot}/evidence/gates/VG-LOOP-CONTRACT-001/latest.md',
        '{workspaceRoot}/evidence/gates/VG-LOOP-CONTRACT-001/records/*',
        '{workspaceRoot}/evidence/gates/VG-LOOP-CONTRACT-001/logs/*',
      ],
      options: { settingsFile: 'governance/governance.json', gate: 'VG-LOOP-CONTRACT-001' },
    });
    expect(contract.inputs).toEqual([
      // Its own definition, by digest: no other gate's edit reaches its hash.
      { runtime: expect.stringMatching(/^echo nx-governance-gate-definition [0-9a-f]{64}$/) },
      // The python3 its step runs, by the version it reports.
      { runtime: expect.stringMatching(/^node -e ".*" [A-Za-z0-9+/=]+$/) },
      { input: 'default', projects: ['loop'] },
      { dependentTasksOutputFiles: '**/*', transitive: false },
      // Whether records must be signed.
      '{workspaceRoot}/governance/keys/**/*',
      '{workspaceRoot}/loop/contract/**/*',
      // The plugin is outside this temporary workspace, so it counts as installed from npm.
      { externalDependencies: ['nx-governance'] },
    ]);
    expect(Object.keys(contract.options)).toEqual(['settingsFile', 'gate']);
    expect(governance.targets['VG-LOOP-TEST-001'].inputs).toContainEqual({ input: 'default', projects: ['loop'] });
    expect(governance.targets['VG-COMPAT-001'].dependsOn).toEqual([
      { projects: ['io-rflx'], target: 'compat' },
      { projects: ['loop-agent'], target: 'compat' },
      { projects: ['rlm-claude-code'], target: 'compat' },
    ]);
    expect(governance.targets['VG-CONTRACT-001'].inputs.slice(1, 4)).toEqual([
      '{workspaceRoot}/evidence/attestations/VG-CONTRACT-001/**/*',
      '{workspaceRoot}/governance/keys/**/*',
      '{workspaceRoot}/loop/contract/**/*',
    ]);
  });

  it('makes a command gate that declares no inputs depend on the whole workspace but its evidence', async () => {
    copyBundledWorkspace(workspace.root);
    const gates = JSON.parse(readFileSync(join(workspace.root, 'governance/gates.json'), 'utf8'));
    gates.gates.push({ id: 'VG-NPM-001', title: 't', scope: 's', owner: 'release-manager', kind: 'command', steps: [{ argv: ['npm', 'test'] }] });
    writeFiles(workspace.root, { 'governance/gates.json': JSON.stringify(gates) });
    const { governance } = await infer(['governance/governance.json']);
    expect(governance.targets['VG-NPM-001'].inputs).toEqual([
      { runtime: expect.stringMatching(/^echo nx-governance-gate-definition /) },
      '{workspaceRoot}/governance/keys/**/*',
      '{workspaceRoot}/**/*',
      '!{workspaceRoot}/evidence/**/*',
      { externalDependencies: ['nx-governance'] },
    ]);
  });

  it('infers the core from its Cargo.toml with build and test targets', async () => {
    copyBundledWorkspace(workspace.root);
    const projects = await infer(['governance/governance.json']);
    expect(projects['loop']).toEqual({
      name: 'loop',
      projectType: 'library',
      tags: ['governance:core'],
      targets: {
        build: {
          executor: 'nx-governance:run-argv',
          cache: true,
          inputs: ['{projectRoot}/**/*', '!{projectRoot}/target/**/*'],
          outputs: ['{workspaceRoot}/loop/target/release/loop'],
          options: { argv: ['cargo', 'build', '--release', '--offline'], cwd: 'loop' },
          metadata: { description: 'Build the core (cargo build --release --offline)', technologies: ['rust'] },
        },
        test: {
          executor: 'nx-governance:run-argv',
          cache: true,
          inputs: ['{projectRoot}/**/*', '!{projectRoot}/target/**/*'],
          options: { argv: ['cargo', 'test', '--offline'], cwd: 'loop' },
          metadata: { description: 'Test the core (cargo test --offline)', technologies: ['rust'] },
        },
      },
    });
  });

  it('infers every consumer with a compat target that depends on the core build, not its sources', async () => {
    copyBundledWorkspace(workspace.root);
    const projects = await infer(['governance/governance.json']);
    expect(Object.keys(projects).sort()).toEqual(['governance', 'loop', 'vendor/io-rflx', 'vendor/loop-agent', 'vendor/rlm-claude-code']);
    const rust = projects['vendor/io-rflx'];
    expect(rust).toMatchObject({ name: 'io-rflx', implicitDependencies: ['loop'], tags: ['governance:consumer'] });
    expect(rust.targets.compat).toEqual({
      executor: 'nx-governance:compat',
      cache: true,
      dependsOn: [{ projects: ['loop'], target: 'build' }, { target: 'build' }],
      inputs: ['{projectRoot}/**/*', '!{projectRoot}/target/**/*', { dependentTasksOutputFiles: '**/*', transitive: false }, { externalDependencies: ['nx-governance'] }],
      outputs: ['{workspaceRoot}/evidence/compat/io-rflx/latest.json', '{workspaceRoot}/evidence/compat/io-rflx/latest.md', '{workspaceRoot}/evidence/compat/io-rflx/results/*', '{workspaceRoot}/evidence/compat/io-rflx/logs/*'],
      options: { settingsFile: 'governance/governance.json', consumer: 'io-rflx' },
      metadata: { description: "Run io-rflx's tests against the current loop build", technologies: ['rust', 'nx-governance'] },
    });
    expect(projects['vendor/loop-agent'].targets.compat.inputs.slice(0, 4)).toEqual([
      '{projectRoot}/**/*',
      '!{projectRoot}/__pycache__/**/*',
      '!{projectRoot}/.venv/**/*',
      '!{projectRoot}/.pytest_cache/**/*',
    ]);
  });

  /** A TypeScript core and one TypeScript consumer in an npm-workspaces layout, each with its own package.json. */
  const TYPESCRIPT_WORKSPACE = {
    'package.json': JSON.stringify({ name: 'demo', private: true, workspaces: ['packages/*'], devDependencies: { 'nx-governance': '0.1.0' } }),
    'governance/governance.json': JSON.stringify({ core: { project: '@demo/core', path: 'packages/core' } }),
    'packages/core/package.json': JSON.stringify({ name: '@demo/core', version: '1.0.0', main: 'dist/index.js', scripts: { build: 'tsc' } }),
    'packages/app-a/package.json': JSON.stringify({ name: '@demo/app-a', version: '0.1.0', scripts: { build: 'tsc', test: 'node --test dist/' } }),
    'packages/app-a/governance.consumer.json': JSON.stringify({ name: 'app-a', project: '@demo/app-a' }),
  };

  it("makes a consumer's compat depend on its own build as well as the core's, so it never tests a stale dist", async () => {
    writeFiles(workspace.root, TYPESCRIPT_WORKSPACE);
    const projects = await infer(['governance/governance.json', 'packages/app-a/governance.consumer.json']);
    const consumer = projects['packages/app-a'];
    // Its own package.json names the project; the plugin only adds the compat target.
    expect(consumer.name).toBeUndefined();
    expect(consumer.implicitDependencies).toEqual(['@demo/core']);
    expect(consumer.targets.compat.dependsOn).toEqual([{ projects: ['@demo/core'], target: 'build' }, { target: 'build' }]);
  });

  it("leaves a TypeScript core's targets to Nx: no test target of the plugin's replaces the one its own tooling infers", async () => {
    writeFiles(workspace.root, TYPESCRIPT_WORKSPACE);
    const projects = await infer(['governance/governance.json', 'packages/app-a/governance.consumer.json']);
    expect(projects['packages/core']).toEqual({ projectType: 'library', tags: ['governance:core'], targets: {} });
  });

  it("hashes the core's sources into a consumer's compat when the plugin does not know the outputs of the core's build", async () => {
    writeFiles(workspace.root, TYPESCRIPT_WORKSPACE);
    const projects = await infer(['governance/governance.json', 'packages/app-a/governance.consumer.json']);
    expect(projects['packages/app-a'].targets.compat.inputs).toEqual([
      '{projectRoot}/**/*',
      '!{projectRoot}/node_modules/**/*',
      '!{projectRoot}/dist/**/*',
      { dependentTasksOutputFiles: '**/*', transitive: false },
      { input: 'default', projects: ['@demo/core'] },
      { externalDependencies: ['nx-governance'] },
    ]);
  });

  it('infers a consumer declared by governance.consumer.json, detecting its language', async () => {
    copyBundledWorkspace(workspace.root);
    writeFiles(workspace.root, {
      'vendor/go-tool/go.mod': 'module example.com/go-tool\n',
      'vendor/go-tool/governance.consumer.json': JSON.stringify({ name: 'go-tool', project: 'go-tool', supports: '^0.4.0' }),
    });
    const projects = await infer(['governance/governance.json', 'vendor/go-tool/governance.consumer.json']);
    expect(projects['vendor/go-tool']).toMatchObject({
      name: 'go-tool',
      implicitDependencies: ['loop'],
      targets: { compat: { options: { consumer: 'go-tool' }, metadata: { technologies: ['go', 'nx-governance'] } } },
    });
  });

  it('follows the settings and options: project name, milestones folder, target names', async () => {
    writeFiles(workspace.root, {
      'ops/governance.json': JSON.stringify({ projectName: 'release-governance', core: { project: 'core' }, paths: { milestones: 'ops/plans' } }),
    });
    const projects = await infer(['ops/governance.json'], { validateTargetName: 'check' });
    expect(projects['ops'].name).toBe('release-governance');
    expect(Object.keys(projects['ops'].targets)).toContain('check');
  });

  it('still infers the governance project from broken settings, so validate can name the problem', async () => {
    writeFiles(workspace.root, { 'governance/governance.json': '{ "core": ' });
    const projects = await infer(['governance/governance.json']);
    expect(projects['governance'].name).toBe('governance');
    expect(projects['governance'].targets.validate.executor).toBe('nx-governance:validate');
    // Nothing to run until the data reads again: the aggregate then fails on the file.
    expect(projects['governance'].targets.gate.dependsOn).toEqual([]);
  });

  it.each([
    ['a trailing brace', (text: string) => `${text}}`],
    ['a byte-order mark', (text: string) => `\ufeff${text}`],
  ])('keeps the core and the consumers when governance.json has %s', async (_name, breakIt) => {
    copyBundledWorkspace(workspace.root);
    const path = join(workspace.root, 'governance/governance.json');
    writeFiles(workspace.root, { 'governance/governance.json': breakIt(readFileSync(path, 'utf8')) });
    const projects = await infer(['governance/governance.json']);
    expect(Object.keys(projects).sort()).toEqual(['governance', 'loop', 'vendor/io-rflx', 'vendor/loop-agent', 'vendor/rlm-claude-code']);
    expect(projects['vendor/io-rflx'].implicitDependencies).toEqual(['loop']);
  });

  it.each([['an empty file', ''], ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`]])(
    'keeps the consumers, without a core to depend on, when governance.json is %s',
    async (_name, text) => {
      copyBundledWorkspace(workspace.root);
      writeFiles(workspace.root, { 'governance/governance.json': text });
      const projects = await infer(['governance/governance.json']);
      expect(Object.keys(projects).sort()).toEqual(['governance', 'vendor/io-rflx', 'vendor/loop-agent', 'vendor/rlm-claude-code']);
      expect(projects['vendor/io-rflx'].implicitDependencies).toBeUndefined();
      // Its own build still comes first; there is no core build to wait for.
      expect(projects['vendor/io-rflx'].targets.compat.dependsOn).toEqual([{ target: 'build' }]);
    },
  );

  it('keeps every consumer that still reads when compatibility.json has an impossible date', async () => {
    copyBundledWorkspace(workspace.root);
    const path = join(workspace.root, 'governance/compatibility.json');
    writeFiles(workspace.root, { 'governance/compatibility.json': readFileSync(path, 'utf8').replace('"2026-02-19"', '"2026-02-30"') });
    const projects = await infer(['governance/governance.json']);
    expect(Object.keys(projects).sort()).toEqual(['governance', 'loop', 'vendor/io-rflx', 'vendor/loop-agent', 'vendor/rlm-claude-code']);
  });

  it('depends on the version Node resolves when Nx installed the plugin outside the graph (no package.json declares it)', async () => {
    copyBundledGovernance(workspace.root);
    const { governance } = await infer(['governance/governance.json']);
    expect(governance.targets['VG-LOOP-BUILD-001'].inputs.at(-1)).toEqual({ runtime: `node -e "process.stdout.write('nx-governance@0.1.0')"` });
  });

  it('leaves out a consumer whose folder is missing: Nx cannot hash a project without files', async () => {
    copyBundledWorkspace(workspace.root);
    rmSync(join(workspace.root, 'vendor/loop-agent'), { recursive: true });
    const projects = await infer(['governance/governance.json']);
    expect(Object.keys(projects).sort()).toEqual(['governance', 'loop', 'vendor/io-rflx', 'vendor/rlm-claude-code']);
  });

  it('adds targets to a project that already lives in the folder instead of naming a new one', async () => {
    copyBundledWorkspace(workspace.root);
    writeFiles(workspace.root, { 'governance/project.json': '{ "name": "docs" }', 'loop/project.json': '{ "name": "loop" }' });
    const projects = await infer(['governance/governance.json']);
    expect(projects['governance'].name).toBeUndefined();
    expect(projects['loop'].name).toBeUndefined();
    expect(Object.keys(projects['governance'].targets).slice(0, 3)).toEqual(['validate', 'gate', 'gate-R0']);
  });

  it('notices a milestone added to the folder it listed, though no file it read changed', async () => {
    copyBundledWorkspace(workspace.root);
    const first = await infer(['governance/governance.json']);
    expect(first['governance'].targets['gate-M7']).toBeUndefined();
    const m6 = readFileSync(join(workspace.root, 'governance/milestones/M6.md'), 'utf8');
    writeFiles(workspace.root, { 'governance/milestones/M7.md': m6.replace(/M6/g, 'M7') });
    const second = await infer(['governance/governance.json']);
    expect(second['governance'].targets['gate-M7']).toBeDefined();
  });

  it('gives the same result twice, the second from its cache, and notices an edit', async () => {
    copyBundledWorkspace(workspace.root);
    const first = await infer(['governance/governance.json']);
    const second = await infer(['governance/governance.json']);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first)).not.toContain(workspace.root);
    writeFiles(workspace.root, { 'loop/Cargo.toml': '[package]\nname = "looper"\nversion = "0.5.0"\n' });
    const third = await infer(['governance/governance.json']);
    expect(third['loop'].targets.build.outputs).toEqual(['{workspaceRoot}/loop/target/release/looper']);
  });
});
