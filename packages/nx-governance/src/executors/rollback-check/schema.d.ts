export interface RollbackCheckExecutorSchema {
  settingsFile?: string;
  candidate?: string;
  baseline: string;
  json?: string | boolean;
}
