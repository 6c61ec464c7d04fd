import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import { tasksExecuted, tasksInRun, TestWorkspace } from '../helpers/workspace';

const compatTasks = (tasks: string[]) => tasks.filter((t) => t.endsWith(':compat'));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const TSC = 'tsc -p tsconfig.json';
const COMPILER = { outDir: 'dist', rootDir: 'src', declaration: true, module: 'commonjs', target: 'es2020', strict: true, types: [] };

/** A TypeScript consumer: its source uses one export of the core, its test runs the compiled `dist`. */
function consumerFiles(name: string, source: string, test: string): Record<string, string> {
  return {
    [`packages/${name}/package.json`]: json({
      name: `@demo/${name}`,
      version: '0.1.0',
      private: true,
      main: 'dist/index.js',
      scripts: { build: TSC, test: 'node --test test/' },
      dependencies: { '@demo/core': '1.0.0' },
    }),
    [`packages/${name}/tsconfig.json`]: json({ compilerOptions: COMPILER, include: ['src'] }),
    [`packages/${name}/src/index.ts`]: source,
    [`packages/${name}/test/index.test.js`]: `const test = require('node:test');\nconst assert = require('node:assert');\nconst app = require('../dist/index.js');\n\n${test}`,
    [`packages/${name}/governance.consumer.json`]: json({ name, project: `@demo/${name}` }),
  };
}

const FILES: Record<string, string> = {
  'governance/governance.json': json({ core: { project: '@demo/core', path: 'packages/core' } }),
  'packages/core/package.json': json({ name: '@demo/core', version: '1.0.0', private: true, main: 'dist/index.js', types: 'dist/index.d.ts', scripts: { build: TSC } }),
  'packages/core/tsconfig.json': json({ compilerOptions: COMPILER, include: ['src'] }),
  'packages/core/src/index.ts': [
    '/** The greeting every product shows. */',
    'export function greet(name: string): string {',
    '  return `Hello, ${name}!`;',
    '}',
    '',
    '/** Names joined for a list. */',
    'export function joinNames(names: string[]): string {',
    "  return names.join(', ');",
    '}',
    '',
  ].join('\n'),
  ...consumerFiles(
    'app-a',
    "import { greet } from '@demo/core';\n\nexport function welcome(user: string): string {\n  return greet(user).toUpperCase();\n}\n",
    "test('welcomes loudly', () => assert.strictEqual(app.welcome('ada'), 'HELLO, ADA!'));\n",
  ),
  ...consumerFiles(
    'app-b',
    "import { joinNames } from '@demo/core';\n\nexport function roster(names: string[]): string {\n  return `Team: ${joinNames(names)}`;\n}\n",
    "test('lists the team', () => assert.strictEqual(app.roster(['ada', 'bob']), 'Team: ada, bob'));\n",
  ),
};

describe('TypeScript consumers of a TypeScript core, reached as a workspace package', () => {
  let workspace: TestWorkspace;
  const latest = (consumer: string) => JSON.parse(workspace.read(`evidence/compat/${consumer}/latest.json`));

  beforeAll(() => {
    workspace = TestWorkspace.create({ bundled: false });
    const manifest = JSON.parse(workspace.read('package.json'));
    workspace.write('package.json', json({ ...manifest, workspaces: ['packages/*'] }));
    const nxJson = JSON.parse(workspace.read('nx.json'));
    workspace.write('nx.json', json({ ...nxJson, targetDefaults: { build: { dependsOn: ['^build'] } } }));
    for (const [file, content] of Object.entries(FILES)) workspace.write(file, content);
    // What npm (pnpm, yarn) workspaces link; the workspace's own node_modules is the repository's, shared.
    for (const consumer of ['app-a', 'app-b']) {
      const link = workspace.path(`packages/${consumer}/node_modules/@demo/core`);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync('../../../core', link, 'dir');
    }
    workspace.commit('a TypeScript core and two consumers');
  });
  afterAll(() => workspace.remove());

  it('runs each consumer after its own build and the core build, without any artifact configured', () => {
    const run = workspace.nx('run-many', '-t', 'compat');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['@demo/app-a:build', '@demo/app-a:compat', '@demo/app-b:build', '@demo/app-b:compat', '@demo/core:build']);
    expect(latest('app-a')).toMatchObject({ result: 'pass', tests: { passed: 1, failed: 0 }, tuple: { core: { project: '@demo/core', version: '1.0.0' } } });
    expect(latest('app-b')).toMatchObject({ result: 'pass', tests: { passed: 1, failed: 0 } });
    workspace.commit('compat results');
  });

  it("builds a consumer whose dist is missing (a fresh clone) before testing it, instead of reporting it regressed", () => {
    workspace.delete('packages/app-b/dist');
    const run = workspace.nx('run', '@demo/app-b:compat', '--skip-nx-cache');
    expect(run.code).toBe(0);
    expect(latest('app-b')).toMatchObject({ result: 'pass', previous: { result: 'pass' } });
  });

  it("runs exactly the reached consumers after a change of the core's export: regressed for the one it breaks, pass for the other", () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('packages/core/src/index.ts', 'export function greet(name: string): string {\n  return `Hello, ${name}!`;', "export function greet(name: string, end = '.'): string {\n  return `Hello, ${name}${end}`;");
    workspace.commit('core: greet ends with a full stop unless told otherwise');
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).not.toBe(0);
    expect(compatTasks(tasksInRun(run))).toEqual(['@demo/app-a:compat', '@demo/app-b:compat']);
    expect(latest('app-a')).toMatchObject({ result: 'regressed', outcome: 'fail', previous: { result: 'pass' }, tests: { passed: 0, failed: 1 } });
    expect(latest('app-b')).toMatchObject({ result: 'pass', tests: { passed: 1, failed: 0 } });
    workspace.commit('compat results after the core change');
  });

  it("rebuilds a consumer whose source alone changed, so its fix shows as fixed, not as a stale still-failing", () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('packages/app-a/src/index.ts', 'greet(user)', "greet(user, '!')");
    workspace.commit('app-a: keep the exclamation mark');
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).toBe(0);
    expect(compatTasks(tasksInRun(run))).toEqual(['@demo/app-a:compat']);
    // The core's build is an uncached npm script here, so it runs again; app-b is not touched.
    expect(tasksExecuted(run)).toEqual(['@demo/app-a:build', '@demo/app-a:compat', '@demo/core:build']);
    expect(latest('app-a')).toMatchObject({ result: 'fixed', previous: { result: 'regressed' } });
    workspace.commit('compat results after the fix');
  });

  it("records regressed for a consumer that no longer builds against the core's types, though Nx skips its compat", () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('packages/core/src/index.ts', 'export function joinNames(names: string[]): string {', 'export function joinNames(names: string[], separator: string): string {');
    workspace.edit('packages/core/src/index.ts', "return names.join(', ');", 'return names.join(separator);');
    workspace.commit("core: joinNames takes its separator");
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).not.toBe(0);
    expect(latest('app-b')).toMatchObject({ result: 'regressed', outcome: 'fail', previous: { result: 'pass' } });
    expect(latest('app-b').reason).toContain('@demo/app-b:build failed');
    expect(run.output).toContain('[app-b] regressed: @demo/app-b:build failed');
  });
});
