export interface CompatRunExecutorSchema {
  settingsFile?: string;
  target?: string;
  affected?: boolean;
  base?: string;
  head?: string;
  parallel?: number;
  json?: string;
}
