export interface GateExecutorSchema {
  settingsFile?: string;
  releaseClass?: string;
  task?: string;
  milestone?: string;
  gate?: string;
  requireClean?: boolean;
  junit?: string;
  json?: string | boolean;
}
