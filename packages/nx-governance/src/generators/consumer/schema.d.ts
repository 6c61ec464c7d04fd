export interface ConsumerGeneratorSchema {
  name: string;
  directory?: string;
  source?: string;
  project?: string;
  supports?: string;
  settingsFile?: string;
  skipFormat?: boolean;
}
