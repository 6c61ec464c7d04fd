export interface RollbackTupleGeneratorSchema {
  coreVersion?: string;
  date?: string;
  settingsFile?: string;
  skipFormat?: boolean;
}
