export interface AttestExecutorSchema {
  settingsFile?: string;
  gate: string;
  task?: string;
  answers?: string;
}
