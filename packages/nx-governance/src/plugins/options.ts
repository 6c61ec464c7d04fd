import type { NxJsonConfiguration } from '@nx/devkit';
import { DEFAULT_TARGET_NAMES } from '../lib/workspace/target-names';

export interface GovernancePluginOptions {
  /** Target that checks every governance file. Default: `validate`. */
  validateTargetName?: string;
  /** Target that runs the mandatory gates; the other aggregates are `<name>-<scope>`. Default: `gate`. */
  gateTargetName?: string;
  /** Target on each consumer that runs its tests against the core build. Default: `compat`. */
  compatTargetName?: string;
  /**
   * Target on the governance project that runs every consumer's compat target, or the affected
   * ones. Default: `compat-run`. It must differ from `compatTargetName`: otherwise
   * `nx affected -t compat` would pick it whenever governance/ changes and run every consumer.
   */
  compatRunTargetName?: string;
  /** Build target inferred for the core, and the consumers' own build their compat waits for. Default: `build`. */
  buildTargetName?: string;
  /** Test target inferred for the core. Default: `test`. */
  testTargetName?: string;
}

export function normalizeOptions(options: GovernancePluginOptions | undefined): Required<GovernancePluginOptions> {
  const given = Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined));
  return { ...DEFAULT_TARGET_NAMES, ...given };
}

/**
 * The plugin's options as nx.json registers it (`"nx-governance"`, or
 * `{ "plugin": "nx-governance", "options": {…} }`), normalised: what an
 * executor or a hook names the inferred targets by, so a renamed target is
 * renamed everywhere.
 */
export function pluginOptionsIn(nxJson: NxJsonConfiguration | undefined): Required<GovernancePluginOptions> {
  for (const entry of nxJson?.plugins ?? []) {
    const name = typeof entry === 'string' ? entry : entry.plugin;
    if (!isThisPlugin(name)) continue;
    return normalizeOptions(typeof entry === 'string' ? undefined : (entry.options as GovernancePluginOptions | undefined));
  }
  return normalizeOptions(undefined);
}

/** `nx-governance` from npm, or a path to it (a workspace developing the plugin). */
function isThisPlugin(name: string): boolean {
  return name === 'nx-governance' || name.replace(/\\/g, '/').split('/').includes('nx-governance');
}
