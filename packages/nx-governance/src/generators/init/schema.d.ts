export interface InitGeneratorSchema {
  coreProject?: string;
  directory?: string;
  addReadmeGuidance?: boolean;
  skipFormat?: boolean;
}
