import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import { resolveCore } from '../consumers/resolve-core';
import { governanceSettingsSchema } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { runCompat } from './run-compat';

/** A consumer whose test is a node one-liner: it exits 0 when `check` holds. */
function consumerChecking(check: string, reaches?: ResolvedConsumer['reaches']): ResolvedConsumer {
  return {
    name: 'app-a',
    project: '@demo/app-a',
    path: 'packages/app-a',
    language: 'node',
    ...(reaches ? { reaches } : {}),
    test: { argv: [process.execPath, '-e', `process.exit(${check} ? 0 : 1)`], cwd: 'packages/app-a', env: {}, timeoutSeconds: 60 },
    declaredIn: 'packages/app-a/governance.consumer.json',
  };
}

describe('runCompat: how the consumer reaches the core', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace({ 'packages/app-a/package.json': '{ "name": "@demo/app-a" }' })));
  afterEach(() => workspace.cleanup());

  const run = (core: object, consumer: ResolvedConsumer) => {
    const settings = governanceSettingsSchema.parse({ core });
    const resolved = resolveCore(diskFileReader(workspace.root), settings);
    if (!resolved) throw new Error('the test settings name no core');
    return runCompat({ root: workspace.root, settings, core: resolved, consumer, log: () => undefined });
  };
  const typescriptCore = () =>
    writeFiles(workspace.root, {
      'packages/core/package.json': JSON.stringify({ name: '@demo/core', version: '1.0.0', main: 'dist/index.js' }),
      'packages/core/dist/index.js': 'exports.greet = (name) => `hello ${name}`;\n',
    });

  it('runs a consumer of a TypeScript core that declares no artifact: the core is a workspace package, no variable is set', async () => {
    typescriptCore();
    const record = await run({ project: '@demo/core', path: 'packages/core' }, consumerChecking('process.env.DEMO_CORE_CLI === undefined'));
    expect({ result: record.result, reason: record.reason }).toEqual({ result: 'pass', reason: 'exited 0' });
  });

  it("calls the run spurious, naming the build to run, when the core package's entry is not built", async () => {
    typescriptCore();
    rmSync(join(workspace.root, 'packages/core/dist'), { recursive: true });
    const record = await run({ project: '@demo/core', path: 'packages/core' }, consumerChecking('true'));
    expect(record.result).toBe('spurious');
    expect(record.reason).toBe("the @demo/core build artifact packages/core/dist/index.js does not exist; run nx run @demo/core:build, and if that build writes another file (a library's lib<name>.so or .rlib), set core.artifact in governance.json to it");
  });

  it("passes the artifact's absolute path in <PROJECT>_CLI when the core declares an artifact", async () => {
    writeFiles(workspace.root, { 'bin/tool': '#!/bin/sh\n' });
    const expected = JSON.stringify(join(workspace.root, 'bin/tool'));
    const record = await run({ project: 'tool', artifact: 'bin/tool' }, consumerChecking(`process.env.TOOL_CLI === ${expected}`));
    expect(record.result).toBe('pass');
  });

  it('sets no variable for a consumer that reaches the artifact at its path, but still needs it built', async () => {
    const core = { project: 'tool', artifact: 'bin/tool' };
    const missing = await run(core, consumerChecking('process.env.TOOL_CLI === undefined', 'path'));
    expect(missing).toMatchObject({ result: 'spurious', reason: "the tool build artifact bin/tool does not exist; run nx run tool:build, and if that build writes another file (a library's lib<name>.so or .rlib), set core.artifact in governance.json to it" });
    writeFiles(workspace.root, { 'bin/tool': '#!/bin/sh\n' });
    expect((await run(core, consumerChecking('process.env.TOOL_CLI === undefined', 'path'))).result).toBe('pass');
  });

  it("gives a consumer that reaches the core by env the core package's entry, the artifact of a package.json core", async () => {
    typescriptCore();
    const expected = JSON.stringify(join(workspace.root, 'packages/core/dist/index.js'));
    const record = await run({ project: '@demo/core', path: 'packages/core' }, consumerChecking(`process.env.DEMO_CORE_CLI === ${expected}`, 'env'));
    expect(record.result).toBe('pass');
  });

  it('calls a consumer that reaches the core through an artifact spurious when the core has none', async () => {
    const record = await run({ project: 'tool' }, consumerChecking('true', 'env'));
    expect(record).toMatchObject({
      result: 'spurious',
      reason: 'app-a reaches tool through its build artifact (reaches: env), but governance.json declares no core.artifact',
    });
  });
});
