export interface MilestoneGeneratorSchema {
  title: string;
  objective?: string;
  exitCriteria?: string;
  settingsFile?: string;
  skipFormat?: boolean;
}
