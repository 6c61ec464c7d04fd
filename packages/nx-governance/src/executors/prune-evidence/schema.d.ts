export interface PruneEvidenceExecutorSchema {
  settingsFile?: string;
  /** Filled by Nx from the schema's default (20). */
  keep: number;
  /** Filled by Nx from the schema's default (false): a dry run. */
  apply: boolean;
  json?: string;
}
