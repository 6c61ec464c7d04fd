import type { TaskStatus } from '../../lib/milestone/model';

export interface TaskCardGeneratorSchema {
  milestone: string;
  title?: string;
  gates?: string;
  goal?: string;
  workItems?: string;
  acceptanceCriteria?: string;
  task?: string;
  status?: TaskStatus;
  date?: string;
  settingsFile?: string;
  skipFormat?: boolean;
}
