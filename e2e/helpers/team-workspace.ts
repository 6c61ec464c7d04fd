import type { LocalRegistry } from './local-registry';
import { NX_23 } from './nx-install';
import { type RunResult, TestWorkspace } from './workspace';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The newest @nx/js the registry has (with the nx and @nx/devkit it must match). */
export const TEAM_NX = NX_23;

/** nx and @nx/js with their dependencies, through the local registry: minutes on a cold npm cache. */
const INSTALL_TIMEOUT_MS = 600_000;

/**
 * What `nx g @nx/js:lib` adds to the root package.json, installed up front: the generator does not
 * install them here, and the project graph needs typescript as soon as the first library exists.
 */
const JS_LIBRARY_TOOLING = { typescript: '~6.0.3', tslib: '^2.3.0', '@types/node': '^22.0.0', '@swc/helpers': '~0.5.18' };

/** The gate a team puts on the core's own tests, through its Nx test target. */
export const TEAM_CORE_GATE = 'VG-CORE-TEST-001';

/** Runs nx and fails the test with its output unless it exits 0. */
export function nxOk(workspace: TestWorkspace, ...args: string[]): RunResult {
  const run = workspace.nx(...args);
  if (run.code !== 0) throw new Error(`nx ${args.join(' ')} exited ${run.code}, expected 0:\n${run.output.slice(-6000)}`);
  return run;
}

/** A library made by @nx/js's own generator (plain JavaScript, no bundler), then given real `node --test` tests. */
function jsLibrary(workspace: TestWorkspace, name: string, source: string, test: string, dependencies: Record<string, string> = {}): void {
  nxOk(workspace, 'g', '@nx/js:lib', `packages/${name}`, '--js', '--bundler=none', '--unitTestRunner=none', '--linter=none', '--no-interactive');
  const manifest = JSON.parse(workspace.read(`packages/${name}/package.json`));
  workspace.write(`packages/${name}/package.json`, json({ ...manifest, scripts: { test: 'node --test test/' }, dependencies: { ...manifest.dependencies, ...dependencies } }));
  workspace.write(`packages/${name}/src/index.js`, source);
  workspace.write(`packages/${name}/test/index.test.js`, test);
}

const nodeTest = (imports: string, body: string) => `import test from 'node:test';\nimport assert from 'node:assert';\n${imports}\n\n${body}\n`;

/**
 * A fresh TypeScript Nx workspace as a team has it before governance: npm workspaces, nx and @nx/js
 * installed from `registry`, and three @nx/js libraries under packages/: `@demo/core` (greet, shout;
 * its own test) and the consumers `@demo/consumer-a` (uses greet) and `@demo/consumer-b` (uses shout),
 * each with a real test against the core. Committed on main; no governance yet.
 */
export function createTeamWorkspace(registry: LocalRegistry): TestWorkspace {
  const workspace = TestWorkspace.bare();
  workspace.write('package.json', json({ name: '@demo/source', version: '0.0.0', private: true, workspaces: ['packages/*'], devDependencies: { ...TEAM_NX, ...JS_LIBRARY_TOOLING } }));
  workspace.write('nx.json', json({ $schema: './node_modules/nx/schemas/nx-schema.json', analytics: false }));
  workspace.write('.npmrc', registry.npmrc());
  workspace.write('.gitignore', 'node_modules\n.nx\ndist\n');
  registry.install(workspace.root, INSTALL_TIMEOUT_MS);
  workspace.commit('an empty Nx workspace');

  jsLibrary(
    workspace,
    'core',
    'export const greet = (name) => `Hello, ${name}!`;\nexport const shout = (name) => name.toUpperCase();\n',
    nodeTest("import { greet, shout } from '../src/index.js';", "test('greets', () => assert.strictEqual(greet('ada'), 'Hello, ada!'));\ntest('shouts', () => assert.strictEqual(shout('ada'), 'ADA'));"),
  );
  for (const [name, uses, expected] of [['consumer-a', 'greet', 'Hello, ada!'], ['consumer-b', 'shout', 'ADA']] as const) {
    jsLibrary(
      workspace,
      name,
      `export { ${uses} } from '@demo/core';\n`,
      nodeTest(`import { ${uses} } from '@demo/core';`, `test('${uses}', () => assert.strictEqual(${uses}('ada'), ${JSON.stringify(expected)}));`),
      { '@demo/core': '*' },
    );
  }
  // npm links the workspace packages, so each consumer imports the core by its package name.
  registry.install(workspace.root, INSTALL_TIMEOUT_MS);
  workspace.commit('core and two consumers, made with @nx/js');
  return workspace;
}
