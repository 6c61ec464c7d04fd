export interface CompatExecutorSchema {
  settingsFile?: string;
  consumer: string;
  bisect?: boolean;
  good?: string;
  json?: string | boolean;
}
