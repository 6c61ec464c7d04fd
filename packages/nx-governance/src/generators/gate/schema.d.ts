export interface GateGeneratorSchema {
  id: string;
  title: string;
  scope?: string;
  kind?: 'command' | 'manual';
  owner?: string;
  enforcement?: 'blocking' | 'advisory';
  argv?: string;
  cwd?: string;
  targets?: string;
  checklist?: string;
  inputs?: string;
  projects?: string;
  minTests?: number;
  timeoutSeconds?: number;
  releaseClass?: string;
  settingsFile?: string;
  skipFormat?: boolean;
}
