export interface MilestoneGeneratorSchema {
  title: string;
  id?: string;
  objective?: string;
  exitCriteria?: string;
  settingsFile?: string;
  skipFormat?: boolean;
}
