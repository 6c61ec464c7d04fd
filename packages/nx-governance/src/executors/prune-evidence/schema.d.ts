export interface PruneEvidenceExecutorSchema {
  settingsFile?: string;
  /** Default in schema.json (20), applied by normalizeOptions. */
  keep?: number;
  /** Default in schema.json (false: a dry run), applied by normalizeOptions. */
  apply?: boolean;
  json?: string | boolean;
}
