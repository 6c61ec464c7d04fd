export interface ReleaseReadinessExecutorSchema {
  settingsFile?: string;
  releaseVersion?: string;
  class?: string;
  approver?: string;
  runMissing?: boolean;
  json?: string | boolean;
}
