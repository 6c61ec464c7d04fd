export interface VerifyEvidenceExecutorSchema {
  settingsFile?: string;
  json?: string;
  stale?: boolean;
}
