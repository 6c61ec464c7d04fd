export interface RunArgvExecutorSchema {
  argv: string[];
  cwd?: string;
  timeoutMinutes?: number;
}
