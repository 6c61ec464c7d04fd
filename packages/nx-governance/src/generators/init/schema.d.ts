export interface InitGeneratorSchema {
  coreProject?: string;
  directory?: string;
  addReadmeGuidance?: boolean;
  ci?: 'github';
  skipFormat?: boolean;
}
