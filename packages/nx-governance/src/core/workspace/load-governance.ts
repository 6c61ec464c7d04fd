import { posix } from 'node:path';
import { type Diagnostic, error, warning } from '../diagnostics';
import type { JsonSource } from '../json-source';
import { type MilestoneDocument, parseMilestone } from '../milestone';
import {
  type CadenceFile,
  cadenceFileSchema,
  type CompatibilityFile,
  compatibilityFileSchema,
  type ConsumerFile,
  consumerFileSchema,
  type GatesFile,
  gatesFileSchema,
  defaultGovernanceSettings,
  type GovernanceSettings,
  governanceSettingsSchema,
  type PlaybookFile,
  playbookFileSchema,
} from '../schemas';
import { parseDataFile } from '../schemas/parse-data-file';
import type { FileReader } from './file-reader';

export const DEFAULT_SETTINGS_FILE = 'governance/governance.json';
export const CONSUMER_FILE = 'governance.consumer.json';

export interface LoadedFile<T> {
  file: string;
  data: T;
  source: JsonSource;
}

/** Everything a governance folder holds, each file parsed and schema-checked. */
export interface GovernanceData {
  settingsFile: string;
  settings: GovernanceSettings;
  settingsSource?: JsonSource;
  gates?: LoadedFile<GatesFile>;
  compatibility?: LoadedFile<CompatibilityFile>;
  playbook?: LoadedFile<PlaybookFile>;
  cadence?: LoadedFile<CadenceFile>;
  milestones: MilestoneDocument[];
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

/**
 * Reads and parses every governance file (`consumerFiles`, when given, saves
 * searching the workspace for `governance.consumer.json`). A file that fails its schema is
 * left out of the result (its problems are in `diagnostics`) so the rules that
 * need it are skipped instead of reporting follow-on noise.
 */
export function loadGovernance(
  reader: FileReader,
  settingsFile = DEFAULT_SETTINGS_FILE,
  options: { consumerFiles?: readonly string[] } = {},
): { data: GovernanceData; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const dir = posix.dirname(settingsFile);
  const settingsText = reader.read(settingsFile);
  let settings = defaultGovernanceSettings();
  let settingsSource: JsonSource | undefined;
  if (settingsText === undefined) {
    diagnostics.push(error(settingsFile, 'file not found, expected the governance settings (run `nx g nx-governance:init`)'));
  } else {
    const parsed = parseDataFile(settingsFile, settingsText, governanceSettingsSchema);
    if (parsed.ok) {
      settings = parsed.data;
      settingsSource = parsed.source;
      diagnostics.push(...missingSchemaWarning(settingsFile, parsed.data));
    } else diagnostics.push(...parsed.diagnostics);
  }

  const data: GovernanceData = { settingsFile, settings, settingsSource, milestones: [], consumerFiles: [], unreadable: new Set() };
  for (const key of Object.keys(DATA_FILES) as (keyof typeof DATA_FILES)[]) {
    const file = `${dir}/${DATA_FILES[key].name}`;
    const text = reader.read(file);
    if (text === undefined) continue;
    const parsed = parseDataFile(file, text, DATA_FILES[key].schema);
    if (parsed.ok) {
      (data as unknown as Record<string, LoadedFile<unknown>>)[key] = { file, data: parsed.data, source: parsed.source };
      diagnostics.push(...missingSchemaWarning(file, parsed.data));
    } else {
      data.unreadable.add(key);
      diagnostics.push(...parsed.diagnostics);
    }
  }

  // Inference already knows where the consumer files are; everyone else searches.
  for (const file of options.consumerFiles ?? reader.findByName(CONSUMER_FILE)) {
    const parsed = parseDataFile(file, reader.read(file) ?? '', consumerFileSchema);
    if (parsed.ok) data.consumerFiles.push({ file, data: parsed.data, source: parsed.source });
    else diagnostics.push(...parsed.diagnostics);
  }

  for (const file of reader.list(settings.paths.milestones, '.md')) {
    const parsed = parseMilestone(file, reader.read(file) ?? '');
    diagnostics.push(...parsed.diagnostics);
    if (parsed.ok) data.milestones.push(parsed.document);
  }
  return { data, diagnostics };
}

/** Without `$schema` an editor can neither complete nor check the file. */
function missingSchemaWarning(file: string, data: { $schema?: string }): Diagnostic[] {
  if (data.$schema) return [];
  const name = posix.basename(file).replace(/\.json$/, '.schema.json');
  return [warning(file, `no "$schema", expected one pointing at nx-governance/schemas/${name} so editors complete and check the file`, { line: 1 })];
}
