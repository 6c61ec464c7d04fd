export interface VerifyEvidenceExecutorSchema {
  settingsFile?: string;
  json?: string | boolean;
  stale?: boolean;
}
