import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_PROJECTS, writeFiles } from '../../test-helpers/temp-workspace';
import { bundledExecutorWorkspace, captureConsole, executorContext } from '../../test-helpers/executor-context';
import validateExecutor from './executor';

describe('validate executor', () => {
  const workspace = bundledExecutorWorkspace();

  it('succeeds on valid data and says what it checked', async () => {
    const output = captureConsole();
    const result = await validateExecutor({}, workspace.context());
    output.restore();
    expect(result).toEqual({ success: true });
    expect(output.text()).toContain('Governance is valid: 1 milestone(s), 3 task card(s), 7 gate(s).');
  });

  it('fails, prints every problem as path:line: field: message, and writes a JSON report', async () => {
    writeFiles(workspace.root(), {
      'governance/milestones/M7.md': '# M7 - Next\n\n## Task Cards\n\n### M7-T01 A\n\n- Status: done (2026-02-30)\n- Required gates: VG-NOPE-001\n',
    });
    const output = captureConsole();
    const result = await validateExecutor({ json: 'tmp/validate.json' }, workspace.context());
    output.restore();
    expect(result).toEqual({ success: false });
    expect(output.text()).toContain('governance/milestones/M7.md:7: M7-T01.status: malformed date "2026-02-30" in status');
    expect(output.text()).toContain('governance/milestones/M7.md:8: M7-T01.requiredGates: unknown gate VG-NOPE-001');
    expect(output.text()).toContain('Governance is invalid: 2 error(s), 0 warning(s)');
    const report = JSON.parse(readFileSync(join(workspace.root(), 'tmp/validate.json'), 'utf8'));
    expect(report).toMatchObject({ kind: 'nx-governance/validate', valid: false, settingsFile: 'governance/governance.json' });
    expect(report.errors.map((e: { line: number; path: string }) => [e.line, e.path])).toEqual([
      [7, 'M7-T01.status'],
      [8, 'M7-T01.requiredGates'],
    ]);
  });

  it('names a consumer project missing from the Nx workspace', async () => {
    const { ['loop-agent']: _removed, ...others } = Object.fromEntries(BUNDLED_PROJECTS);
    const context = executorContext(workspace.root(), others);
    const output = captureConsole();
    const result = await validateExecutor({}, context);
    output.restore();
    expect(result.success).toBe(false);
    expect(output.text()).toContain('consumers[1].project: consumer loop-agent names Nx project "loop-agent", which does not exist');
  });
});
