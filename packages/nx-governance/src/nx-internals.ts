import { join, resolve } from 'node:path';
import type { readNxJson } from 'nx/src/config/nx-json';
import type { createTaskHasher } from 'nx/src/hasher/create-task-hasher';
import type { hashTask } from 'nx/src/hasher/hash-task';
import type { createTaskGraph } from 'nx/src/tasks-runner/create-task-graph';

// Types only (erased when compiled), kept here so this file is the one place that names nx/src.
export type { SyncGeneratorResult } from 'nx/src/utils/sync-generators';

/*
 * Every use of Nx's private modules, in one place, each loaded only when it is
 * needed and with a fallback: if another Nx major moves one, the plugin still
 * loads, and what needs it says so by name instead of crashing or passing.
 */

/**
 * Where Nx keeps a workspace's data: its own answer, else the place Nx documents
 * (NX_WORKSPACE_DATA_DIRECTORY, which Nx reads from the workspace root when relative, or .nx/workspace-data).
 */
export function nxWorkspaceDataDirectory(workspaceRoot: string): string {
  try {
    return (require('nx/src/utils/cache-directory') as { workspaceDataDirectory: string }).workspaceDataDirectory;
  } catch {
    const fromEnv = process.env.NX_WORKSPACE_DATA_DIRECTORY;
    return fromEnv ? resolve(workspaceRoot, fromEnv) : join(workspaceRoot, '.nx', 'workspace-data');
  }
}

export interface TaskHashing {
  readNxJson: typeof readNxJson;
  createTaskHasher: typeof createTaskHasher;
  hashTask: typeof hashTask;
  createTaskGraph: typeof createTaskGraph;
}

/** Nx's own task hasher, to tell current evidence from stale; throws, naming what moved, when this Nx has it elsewhere. */
export function nxTaskHashing(): TaskHashing {
  const load = <T>(module: string, name: string): T => {
    try {
      const value = (require(module) as Record<string, unknown>)[name];
      if (typeof value === 'function') return value as T;
    } catch {
      // Reported below: the module moved or the export was renamed.
    }
    throw new Error(`This Nx version has no ${name} in ${module}; nx-governance cannot tell whether evidence is current (supported: the Nx majors in its peerDependencies)`);
  };
  return {
    readNxJson: load('nx/src/config/nx-json', 'readNxJson'),
    createTaskHasher: load('nx/src/hasher/create-task-hasher', 'createTaskHasher'),
    hashTask: load('nx/src/hasher/hash-task', 'hashTask'),
    createTaskGraph: load('nx/src/tasks-runner/create-task-graph', 'createTaskGraph'),
  };
}
