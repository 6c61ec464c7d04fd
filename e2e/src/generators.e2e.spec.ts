import { TestWorkspace } from '../helpers/workspace';

describe('generators through the real nx binary', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  it('documents every option in --help', () => {
    const help = workspace.nx('g', 'nx-governance:task-card', '--help');
    expect(help.code).toBe(0);
    const text = help.output.replace(/\s+/g, ' ');
    expect(text).toContain('Appends a task card (the next free id, e.g. M7-T03) to a milestone');
    expect(text).toContain('--gates Required gates, [string] comma-separated');
    expect(text).toContain('--status Status to set: todo,');
  });

  it('writes nothing with --dry-run', () => {
    const before = workspace.read('governance/milestones/M6.md');
    const run = workspace.nx('g', 'nx-governance:task-card', '--milestone=M6', '--title=Dry', '--gates=VG-CONTRACT-001', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.output).toContain('UPDATE governance/milestones/M6.md');
    expect(run.output).toContain('NOTE: The "dryRun" flag means no changes were made.');
    expect(workspace.read('governance/milestones/M6.md')).toBe(before);
  });

  it('adds a milestone and a card that validate, and refuses an unknown gate', () => {
    expect(workspace.nx('g', 'nx-governance:milestone', '--title=Consumer SDK').code).toBe(0);
    expect(workspace.nx('g', 'nx-governance:task-card', '--milestone=M7', '--title=Ship it', '--gates=VG-LOOP-TEST-001').code).toBe(0);
    const refused = workspace.nx('g', 'nx-governance:task-card', '--milestone=M7', '--title=Nope', '--gates=VG-NOPE-001');
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('Unknown gate(s) VG-NOPE-001; known gates: VG-COMPAT-001');
    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.output).toContain('Governance is valid: 2 milestone(s), 4 task card(s), 7 gate(s).');
  });

  it("takes the id, title or milestone as the first positional argument, as Nx's own generators take a name", () => {
    expect(workspace.nx('g', 'nx-governance:gate', 'VG-POSITIONAL-001', '--title=Given by position', '--targets=loop:test', '--no-interactive').code).toBe(0);
    expect(workspace.nx('g', 'nx-governance:milestone', 'Positional milestone', '--no-interactive').code).toBe(0);
    expect(workspace.nx('g', 'nx-governance:task-card', 'M8', '--title=Positional card', '--gates=VG-POSITIONAL-001', '--no-interactive').code).toBe(0);
    expect(workspace.read('governance/milestones/M8.md')).toContain('Positional milestone');
    expect(workspace.read('governance/milestones/M8.md')).toContain('Required gates: VG-POSITIONAL-001');
    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.output).toContain('Governance is valid: 3 milestone(s), 5 task card(s), 8 gate(s).');
  });

  it('init adds governance to a workspace that has none, and running it twice changes nothing', () => {
    const fresh = TestWorkspace.create({ bundled: false });
    try {
      fresh.write('nx.json', '{}\n');
      fresh.write('core/project.json', JSON.stringify({ name: 'core' }));
      fresh.commit('workspace');
      expect(fresh.nx('g', 'nx-governance:init', '--coreProject=core').code).toBe(0);
      fresh.commit('init');
      expect(fresh.nx('g', 'nx-governance:init', '--coreProject=core').code).toBe(0);
      expect(fresh.git('status', '--porcelain')).toBe('');
      expect(JSON.parse(fresh.read('nx.json'))).toMatchObject({ plugins: ['nx-governance'], sync: { globalGenerators: ['nx-governance:sync'] } });
      const validate = fresh.nx('run', 'governance:validate');
      expect(validate.code).toBe(0);
      expect(validate.output).toContain('Governance is valid: 0 milestone(s), 0 task card(s), 1 gate(s).');
    } finally {
      fresh.remove();
    }
  });

  it('day one on a fresh TypeScript workspace: init with no options finds the core the other library depends on, and is green', () => {
    const fresh = TestWorkspace.create({ bundled: false });
    try {
      const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
      // As create-nx-workspace --preset=ts leaves it, with two libraries: a private root, npm workspaces, no governance.
      fresh.write('package.json', json({ ...JSON.parse(fresh.read('package.json')), name: '@acme/source', workspaces: ['packages/*'] }));
      fresh.write('nx.json', json({ $schema: './node_modules/nx/schemas/nx-schema.json' }));
      fresh.write('tsconfig.base.json', json({ compilerOptions: { composite: true, declaration: true, module: 'nodenext', strict: true } }));
      for (const name of ['core', 'app']) {
        fresh.write(`packages/${name}/package.json`, json({ name: `@acme/${name}`, version: '1.2.0', main: './dist/index.js', types: './dist/index.d.ts', ...(name === 'app' ? { dependencies: { '@acme/core': '1.2.0' } } : {}) }));
        fresh.write(`packages/${name}/src/index.ts`, `export const ${name} = '${name}';\n`);
      }
      fresh.commit('a fresh TypeScript workspace');
      const init = fresh.nx('g', 'nx-governance:init');
      // Issue 20: libraries are never at the root of such a workspace; the core is the one the others depend on.
      expect({ code: init.code, output: init.output }).toMatchObject({ code: 0, output: expect.stringContaining('Core project: @acme/core (the library the other projects depend on: @acme/app).') });
      expect(JSON.parse(fresh.read('governance/governance.json')).core).toEqual({ project: '@acme/core', path: 'packages/core' });
      expect(fresh.nx('g', 'nx-governance:init', '--coreProject=@acme/core').code).toBe(0);
      expect(fresh.nx('run', 'governance:validate').code).toBe(0);
      expect(fresh.nx('run', 'governance:gate').code).toBe(0);
      fresh.commit('the core named');
      // Without --releaseVersion, the version in the core's manifest, as nx release version leaves it.
      expect(fresh.nx('run', 'governance:release-readiness').output).toContain('Release readiness of 1.2.0 (R1)');
    } finally {
      fresh.remove();
    }
  });
});
