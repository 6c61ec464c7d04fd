export interface ImportGeneratorSchema {
  source?: string;
  exclude?: string[];
  force?: boolean;
  copyMilestones?: boolean;
  settingsFile?: string;
  skipFormat?: boolean;
}
