export interface PageExecutorSchema {
  settingsFile?: string;
  output?: string;
  json?: string;
  asOf?: string;
}
