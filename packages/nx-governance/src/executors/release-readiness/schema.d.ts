export interface ReleaseReadinessExecutorSchema {
  settingsFile?: string;
  releaseVersion?: string;
  class?: string;
  approver?: string;
  runMissing?: boolean;
  compatTarget?: string;
  json?: string | boolean;
}
