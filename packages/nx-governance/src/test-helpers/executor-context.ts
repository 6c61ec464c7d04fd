import type { ExecutorContext } from '@nx/devkit';
import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace } from './temp-workspace';

/** The context Nx hands an executor, for projects given with their target names. */
export function executorContext(root: string, targetsByProject: Record<string, string[]>, projectName = 'governance'): ExecutorContext {
  const projects = Object.fromEntries(
    Object.entries(targetsByProject).map(([name, targets]) => [name, { root: name, targets: Object.fromEntries(targets.map((t) => [t, {}])) }]),
  );
  return {
    root,
    cwd: root,
    isVerbose: false,
    projectName,
    projectsConfigurations: { version: 2, projects },
    nxJsonConfiguration: {},
    projectGraph: { nodes: {}, dependencies: {} },
  } as ExecutorContext;
}

/** Collects what Nx's logger prints, which goes through console. */
export function captureConsole(): { text: () => string; restore: () => void } {
  const lines: string[] = [];
  const original = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    console[method] = (...args: unknown[]) => lines.push(args.map(String).join(' '));
  }
  return {
    text: () => lines.join('\n').replace(/\x1b\[[0-9;]*m/g, ''),
    restore: () => Object.assign(console, original),
  };
}

/**
 * A fresh copy of the bundled governance for each test of the calling
 * `describe`, with the context Nx hands an executor in it.
 */
export function bundledExecutorWorkspace(): { root: () => string; context: () => ExecutorContext } {
  let workspace: ReturnType<typeof makeTempWorkspace> | undefined;
  beforeEach(() => {
    workspace = makeTempWorkspace();
    copyBundledGovernance(workspace.root);
  });
  afterEach(() => workspace?.cleanup());
  const root = () => {
    if (!workspace) throw new Error('bundledExecutorWorkspace() is only usable inside a test');
    return workspace.root;
  };
  return { root, context: () => executorContext(root(), Object.fromEntries(BUNDLED_PROJECTS)) };
}
