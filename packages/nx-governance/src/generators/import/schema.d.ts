export interface ImportGeneratorSchema {
  source?: string;
  force?: boolean;
  settingsFile?: string;
  skipFormat?: boolean;
}
