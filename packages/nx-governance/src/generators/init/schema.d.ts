export interface InitGeneratorSchema {
  coreProject: string;
  directory?: string;
  skipFormat?: boolean;
}
