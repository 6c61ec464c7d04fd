import type { IdPatterns } from '../ids/id-patterns';
import type { JsonSource } from '../json/json-source';
import type { MilestoneDocument } from '../milestone';
import {
  type CadenceFile,
  cadenceFileSchema,
  type CompatibilityFile,
  compatibilityFileSchema,
  type ConsumerFile,
  type GatesFile,
  gatesFileSchema,
  type GovernanceSettings,
  type PlaybookFile,
  playbookFileSchema,
} from '../schemas';

/**
 * What a loaded governance folder is: the types the loader returns and its
 * rules read, apart from the loader so the rules can name them without an
 * import cycle.
 */
export interface LoadedFile<T> {
  file: string;
  data: T;
  source: JsonSource;
  /** Where a JSON path of `data` really is, when `data` was put together from several files. */
  locate?(path: ReadonlyArray<string | number>): { file: string; line?: number; path: ReadonlyArray<string | number> };
}

/** Everything a governance folder holds, each file parsed and schema-checked. */
export interface GovernanceData {
  settingsFile: string;
  settings: GovernanceSettings;
  settingsSource?: JsonSource;
  /** The id patterns of the settings (the defaults when governance.json is broken). */
  ids: IdPatterns;
  gates?: LoadedFile<GatesFile>;
  compatibility?: LoadedFile<CompatibilityFile>;
  playbook?: LoadedFile<PlaybookFile>;
  cadence?: LoadedFile<CadenceFile>;
  milestones: MilestoneDocument[];
  /** Gates defined in a file of their own (`gates/<id>.json`), by id: that file is the gate's exact cache input. */
  gateFiles: Record<string, string>;
  /** Every `governance.consumer.json`, each declaring a consumer in its folder. */
  consumerFiles: LoadedFile<ConsumerFile>[];
  /** Data files that exist but failed to parse; rules that need them are skipped. */
  unreadable: Set<keyof typeof DATA_FILES>;
}

export const DATA_FILES = {
  gates: { name: 'gates.json', schema: gatesFileSchema },
  compatibility: { name: 'compatibility.json', schema: compatibilityFileSchema },
  playbook: { name: 'playbook.json', schema: playbookFileSchema },
  cadence: { name: 'cadence.json', schema: cadenceFileSchema },
} as const;

