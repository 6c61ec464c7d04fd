export interface InitGeneratorSchema {
  coreProject?: string;
  directory?: string;
  addReadmeGuidance?: boolean;
  ci?: 'github' | 'gitlab';
  ciShards?: number;
  skipFormat?: boolean;
}
