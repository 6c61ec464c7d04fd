import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundledExecutorWorkspace, captureConsole } from '../../test-helpers/executor-context';
import attestExecutor from './executor';

describe('attest executor', () => {
  const workspace = bundledExecutorWorkspace();

  it.each([
    ['M9-T99', '--task: unknown task M9-T99, expected a task card of the milestones: M6-T01, M6-T02, M6-T03'],
    ['bogus', '--task: found "bogus", expected a task id: an id matching ^(?<milestone>M\\d+)-T\\d+$ (ids.task in governance/governance.json)'],
  ])('refuses --task=%s before it writes anything', async (task, message) => {
    const output = captureConsole();
    const result = await attestExecutor({ gate: 'VG-CONTRACT-001', task, answers: 'answers.json' }, workspace.context());
    output.restore();
    expect(result).toEqual({ success: false });
    expect(output.text()).toContain(message);
    expect(existsSync(join(workspace.root(), 'evidence'))).toBe(false);
  });
});
