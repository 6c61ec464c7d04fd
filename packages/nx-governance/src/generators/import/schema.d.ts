export interface ImportGeneratorSchema {
  source?: string;
  force?: boolean;
  copyMilestones?: boolean;
  settingsFile?: string;
  skipFormat?: boolean;
}
