import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { captureConsole, executorContext } from '../../test-helpers/executor-context';
import releaseReadinessExecutor from './executor';

describe('release-readiness executor', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => {
    workspace = makeTempWorkspace();
    copyBundledGovernance(workspace.root);
  });
  afterEach(() => workspace.cleanup());

  it('refuses, in words, to run outside a project (it hashes that project\'s gate targets)', async () => {
    const context = { ...executorContext(workspace.root, Object.fromEntries(BUNDLED_PROJECTS)), projectName: undefined };
    const output = captureConsole();
    const result = await releaseReadinessExecutor({ releaseVersion: '1.0.0' }, context).finally(() => output.restore());
    expect(result).toEqual({ success: false });
    expect(output.text()).toContain('release-readiness runs as a target of the governance project (nx run governance:release-readiness); Nx gave it no project');
  }, 30_000);
});
