import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeFiles } from '../../test-helpers/temp-workspace';
import { bundledExecutorWorkspace, captureConsole } from '../../test-helpers/executor-context';
import pageExecutor from './executor';

// The page written from real Nx task hashes is tested end to end (e2e/src/page.e2e.spec.ts); here, what is refused before any is asked for.
describe('page executor', () => {
  const workspace = bundledExecutorWorkspace();

  const run = async (options: object) => {
    const output = captureConsole();
    const result = await pageExecutor(options, workspace.context());
    output.restore();
    return { result, text: output.text() };
  };

  it('refuses a page or model outside the workspace, where Nx could not cache it', async () => {
    expect(await run({ output: '../page.html' })).toEqual({ result: { success: false }, text: expect.stringContaining('../page.html: found a path that leaves the workspace, expected a path inside the workspace') });
    expect(await run({ json: '/tmp/page.json' })).toEqual({ result: { success: false }, text: expect.stringContaining('/tmp/page.json: found an absolute path') });
  });

  it('refuses a date that is not one, and broken data, writing nothing', async () => {
    expect(await run({ asOf: '2026-13-01' })).toEqual({ result: { success: false }, text: expect.stringContaining('--asOf=2026-13-01: expected a calendar date written YYYY-MM-DD') });
    writeFiles(workspace.root(), { 'governance/cadence.json': '{ "activities": "none" }' });
    const broken = await run({});
    expect(broken.result).toEqual({ success: false });
    expect(broken.text).toContain('Governance is invalid');
    expect(existsSync(join(workspace.root(), 'reports/governance-page.html'))).toBe(false);
  });
});
