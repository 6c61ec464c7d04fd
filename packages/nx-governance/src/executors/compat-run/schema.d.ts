export interface CompatRunExecutorSchema {
  settingsFile?: string;
  target?: string;
  affected?: boolean;
  base?: string;
  head?: string;
  shard?: string;
  parallel?: number;
  json?: string | boolean;
}
