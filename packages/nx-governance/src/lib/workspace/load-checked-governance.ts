import type { Diagnostic } from '../diagnostics';
import { type ResolvedConsumer, resolveConsumers } from '../consumers/resolve-consumers';
import { validateGovernance, type ValidationOptions } from '../validation';
import type { FileReader } from './file-reader';
import type { GovernanceData } from './load-governance';

/**
 * Governance data every judging command may trust, or the reasons it may not.
 * There is no third case: a caller that wants the data must look at `ok`.
 */
export type CheckedGovernance =
  | { ok: true; data: GovernanceData; consumers: ResolvedConsumer[]; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/**
 * Loads the governance files and runs every rule `validate` runs (schemas,
 * references across files, and with `options.projects` the Nx projects and
 * targets they name). Any error makes the whole load fail: a verdict built on
 * broken data is the one thing a governance tool must never give.
 */
export function loadCheckedGovernance(reader: FileReader, settingsFile: string, options: CheckOptions = {}): CheckedGovernance {
  const result = validateGovernance(reader, settingsFile, options);
  if (result.errors.length > 0) return { ok: false, errors: result.errors, warnings: result.warnings };
  const data = withCoreFolder(result.data, options.projectRoots);
  return { ok: true, data, consumers: resolveConsumers(reader, data), warnings: result.warnings };
}

export interface CheckOptions extends ValidationOptions {
  /**
   * Nx projects by name with their roots. `init` names an existing project as
   * the core without `core.path` (which would make the plugin infer targets for
   * it), yet its manifest (the version readiness judges) and its commits live
   * at the root Nx gives it.
   */
  projectRoots?: ReadonlyMap<string, string>;
}

function withCoreFolder(data: GovernanceData, projectRoots: ReadonlyMap<string, string> | undefined): GovernanceData {
  const { core } = data.settings;
  if (!core) return data;
  const coreRoot = projectRoots?.get(core.project);
  if (core.path !== undefined || coreRoot === undefined) return data;
  return { ...data, settings: { ...data.settings, core: { ...core, path: coreRoot } } };
}
