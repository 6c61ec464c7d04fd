export interface CadenceExecutorSchema {
  settingsFile?: string;
  asOf?: string;
  strict?: boolean;
  json?: string | boolean;
}
