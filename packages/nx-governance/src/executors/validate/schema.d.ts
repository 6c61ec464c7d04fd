export interface ValidateExecutorSchema {
  settingsFile?: string;
  strict?: boolean;
  /** Workspace-relative path of a JSON report. */
  json?: string | boolean;
}
