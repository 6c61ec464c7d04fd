export interface ReleaseCandidateExecutorSchema {
  settingsFile?: string;
  releaseVersion?: string;
  class?: string;
  commit?: boolean;
  approver?: string;
  json?: string | boolean;
}
