import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { captureConsole, executorContext } from '../../test-helpers/executor-context';
import verifyEvidenceExecutor from './executor';

describe('verify-evidence executor', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => {
    workspace = makeTempWorkspace();
    copyBundledGovernance(workspace.root);
  });
  afterEach(() => workspace.cleanup());

  it('fails, rather than skip whether evidence is current, when Nx gives it no project to hash', async () => {
    const context = { ...executorContext(workspace.root, Object.fromEntries(BUNDLED_PROJECTS)), projectName: undefined };
    const output = captureConsole();
    const result = await verifyEvidenceExecutor({}, context).finally(() => output.restore());
    expect(result).toEqual({ success: false });
    expect(output.text()).toContain('Nx gave it none: run it as nx run governance:verify-evidence, or pass --stale=false.');
  });
});
