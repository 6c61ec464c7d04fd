export interface RunGateExecutorSchema {
  settingsFile?: string;
  gate: string;
  task?: string;
  milestone?: string;
  releaseClass?: string;
}
