export interface GovernancePluginOptions {
  /** Target that checks every governance file. Default: `validate`. */
  validateTargetName?: string;
  /** Target that runs the mandatory gates. Default: `gate`. */
  gateTargetName?: string;
  /** Target on each consumer that runs its tests against the core build. Default: `compat`. */
  compatTargetName?: string;
  /**
   * Target on the governance project that runs every consumer's compat target, or the affected
   * ones. Default: `compat-run`. It must differ from `compatTargetName`: otherwise
   * `nx affected -t compat` would pick it whenever governance/ changes and run every consumer.
   */
  compatRunTargetName?: string;
  /** Build target inferred for the core. Default: `build`. */
  buildTargetName?: string;
  /** Test target inferred for the core. Default: `test`. */
  testTargetName?: string;
}

export function normalizeOptions(options: GovernancePluginOptions | undefined): Required<GovernancePluginOptions> {
  return {
    validateTargetName: options?.validateTargetName ?? 'validate',
    gateTargetName: options?.gateTargetName ?? 'gate',
    compatTargetName: options?.compatTargetName ?? 'compat',
    compatRunTargetName: options?.compatRunTargetName ?? 'compat-run',
    buildTargetName: options?.buildTargetName ?? 'build',
    testTargetName: options?.testTargetName ?? 'test',
  };
}
