export interface CompatQueryExecutorSchema {
  settingsFile?: string;
  core: string;
  consumer: string;
  json?: string | boolean;
}
