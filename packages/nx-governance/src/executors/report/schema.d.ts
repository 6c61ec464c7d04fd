export interface ReportExecutorSchema {
  base?: string;
  output?: string;
  summary?: boolean;
  json?: string | boolean;
  settingsFile?: string;
}
