import { posix } from 'node:path';
import { type Diagnostic, error, warning } from '../diagnostics';
import type { JsonSource } from '../json/json-source';
import { compileIdPatterns } from '../ids/id-patterns';
import { parseMilestone } from '../milestone';
import { consumerFileSchema, type Gate, gateSchema, defaultGovernanceSettings, governanceSettingsSchema } from '../schemas';
import { parseDataFile } from '../schemas/parse-data-file';
import type { FileReader } from './file-reader';
import { DATA_FILES, type GovernanceData, type LoadedFile } from './governance-data';
import { checkGateIds } from './check-gate-ids';
import { salvageIdPatterns } from './salvage-governance';

export { DATA_FILES, type GovernanceData, type LoadedFile } from './governance-data';

export const DEFAULT_SETTINGS_FILE = 'governance/governance.json';
export const CONSUMER_FILE = 'governance.consumer.json';

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
    } else {
      diagnostics.push(...parsed.diagnostics);
      settings = { ...settings, ids: salvageIdPatterns(settingsText) };
    }
  }

  const ids = compileIdPatterns(settings.ids, settingsFile);
  const data: GovernanceData = { settingsFile, settings, settingsSource, ids, milestones: [], gateFiles: {}, consumerFiles: [], unreadable: new Set() };
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

  loadGateFiles(reader, dir, data, diagnostics);
  checkGateIds(data, diagnostics);

  // Inference already knows where the consumer files are; everyone else searches.
  for (const file of options.consumerFiles ?? reader.findByName(CONSUMER_FILE)) {
    const parsed = parseDataFile(file, reader.read(file) ?? '', consumerFileSchema);
    if (parsed.ok) data.consumerFiles.push({ file, data: parsed.data, source: parsed.source });
    else diagnostics.push(...parsed.diagnostics);
  }

  // An index (README.md, index.md) beside the milestones describes them; it is not one.
  for (const file of reader.list(settings.paths.milestones, '.md').filter((f) => !/^(readme|index)\.md$/i.test(posix.basename(f)))) {
    const parsed = parseMilestone(file, reader.read(file) ?? '', ids);
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

/**
 * Gates may also live one per file in `gates/` beside gates.json. Editing one
 * then changes only that gate's cache input: Nx hashes every target of a
 * project into each of its tasks, so a definition carried in the target's
 * options would re-run every gate. They join gates.json's list, and a rule's
 * error still names the file and line the gate came from.
 */
function loadGateFiles(reader: FileReader, dir: string, data: GovernanceData, diagnostics: Diagnostic[]): void {
  const loaded: LoadedFile<Gate>[] = [];
  for (const file of reader.list(`${dir}/gates`, '.json')) {
    const parsed = parseDataFile(file, reader.read(file) ?? '', gateSchema);
    if (!parsed.ok) {
      data.unreadable.add('gates');
      diagnostics.push(...parsed.diagnostics);
    } else loaded.push({ file, data: parsed.data, source: parsed.source });
  }
  if (loaded.length === 0) return;
  const listed = data.gates;
  const first = listed?.data.gates.length ?? 0;
  data.gates = {
    file: listed?.file ?? `${dir}/gates.json`,
    data: { ...(listed?.data ?? {}), gates: [...(listed?.data.gates ?? []), ...loaded.map((l) => l.data)] },
    source: listed?.source ?? { file: `${dir}/gates.json`, value: {}, lineOf: () => undefined },
    locate(path) {
      const index = path[0] === 'gates' && typeof path[1] === 'number' ? path[1] - first : -1;
      if (index < 0 || !loaded[index]) return { file: listed?.file ?? `${dir}/gates`, line: listed?.source.lineOf(path), path };
      const rest = path.slice(2);
      return { file: loaded[index].file, line: loaded[index].source.lineOf(rest), path: rest };
    },
  };
  for (const gate of loaded) data.gateFiles[gate.data.id] = gate.file;
}
