import type { ExecutorContext } from '@nx/devkit';
import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace } from '../test-helpers/temp-workspace';
import { captureConsole, executorContext } from '../test-helpers/executor-context';
import releaseReadinessExecutor from './release-readiness/executor';
import verifyEvidenceExecutor from './verify-evidence/executor';

/** Executors that hash their project's gate targets: without a project they must say so, not crash or skip the check. */
describe('executors run without a project', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => {
    workspace = makeTempWorkspace();
    copyBundledGovernance(workspace.root);
  });
  afterEach(() => workspace.cleanup());

  it.each<[string, (context: ExecutorContext) => Promise<{ success: boolean }>, string]>([
    [
      'release-readiness',
      (context) => releaseReadinessExecutor({ releaseVersion: '1.0.0' }, context),
      'release-readiness runs as a target of the governance project (nx run governance:release-readiness); Nx gave it no project',
    ],
    [
      'verify-evidence',
      (context) => verifyEvidenceExecutor({}, context),
      'Nx gave it none: run it as nx run governance:verify-evidence, or pass --stale=false.',
    ],
  ])('%s fails and says why', async (_name, run, message) => {
    const context = { ...executorContext(workspace.root, Object.fromEntries(BUNDLED_PROJECTS)), projectName: undefined };
    const output = captureConsole();
    const result = await run(context).finally(() => output.restore());
    expect(result).toEqual({ success: false });
    expect(output.text()).toContain(message);
  }, 30_000);
});
