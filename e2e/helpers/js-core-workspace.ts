import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname } from 'node:path';
import type { NxInstall } from './nx-install';
import { TestWorkspace } from './workspace';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export const CORE_TEST_GATE = 'VG-CORE-TEST-001';

/** A JavaScript consumer of the core: its test calls the one export it uses. */
function consumerFiles(name: string, uses: string, expected: string): Record<string, string> {
  return {
    [`packages/${name}/package.json`]: json({ name: `@demo/${name}`, version: '0.1.0', private: true, scripts: { test: 'node --test test/' }, dependencies: { '@demo/core': '1.0.0' } }),
    [`packages/${name}/test/index.test.js`]: [
      "const test = require('node:test');",
      "const assert = require('node:assert');",
      `const { ${uses} } = require('@demo/core');`,
      '',
      `test('${uses}', () => assert.strictEqual(${uses}('ada'), ${JSON.stringify(expected)}));`,
      '',
    ].join('\n'),
    [`packages/${name}/governance.consumer.json`]: json({ name, project: `@demo/${name}` }),
  };
}

const FILES: Record<string, string> = {
  'packages/core/package.json': json({ name: '@demo/core', version: '1.0.0', private: true, main: 'src/index.js' }),
  'packages/core/src/index.js': "exports.greet = (name) => `Hello, ${name}!`;\nexports.shout = (name) => name.toUpperCase();\n",
  'packages/core/test/index.test.js': [
    "const test = require('node:test');",
    "const assert = require('node:assert');",
    "const { greet } = require('../src/index.js');",
    '',
    "test('greets', () => assert.strictEqual(greet('ada'), 'Hello, ada!'));",
    '',
  ].join('\n'),
  ...consumerFiles('app-a', 'greet', 'Hello, ada!'),
  ...consumerFiles('app-b', 'shout', 'ADA'),
};

/**
 * A workspace of npm workspaces as a user of `install` has it: a JavaScript
 * core (`@demo/core`) with its tests, two consumers (`app-a`, `app-b`), and the
 * governance `nx g nx-governance:init` writes (naming the core project, with no
 * `core.path`), plus one command gate running the core's tests in the default
 * release class (where the gate generator puts it). Committed.
 */
export function createJsCoreWorkspace(install?: NxInstall): TestWorkspace {
  const workspace = TestWorkspace.create({ bundled: false, nx: install });
  workspace.write('package.json', json({ ...JSON.parse(workspace.read('package.json')), workspaces: ['packages/*'] }));
  for (const [file, content] of Object.entries(FILES)) workspace.write(file, content);
  // What npm workspaces link; the node_modules at the root is the shared install.
  for (const consumer of ['app-a', 'app-b']) {
    const link = workspace.path(`packages/${consumer}/node_modules/@demo/core`);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync('../../../core', link, 'dir');
  }
  const init = workspace.nx('g', 'nx-governance:init', '--coreProject=@demo/core');
  if (init.code !== 0) throw new Error(`nx g nx-governance:init failed:\n${init.output}`);
  const gate = workspace.nx('g', 'nx-governance:gate', `--id=${CORE_TEST_GATE}`, "--title=The core's tests pass", '--argv=["node","--test","packages/core/test/"]', '--inputs=packages/core/src/**,packages/core/test/**');
  if (gate.code !== 0) throw new Error(`nx g nx-governance:gate failed:\n${gate.output}`);
  const sync = workspace.nx('sync');
  if (sync.code !== 0) throw new Error(`nx sync failed:\n${sync.output}`);
  workspace.commit('a JavaScript core, two consumers and their governance');
  return workspace;
}
