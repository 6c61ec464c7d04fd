import { releaseRoleOf } from './release-role';
import { posix } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { IMPORTED_EVIDENCE_FILE, type ImportedEvidenceIndex } from '../evidence/imported-evidence-index';
import { schemaReference, type SchemaFileName } from '../json/json-schemas';
import type { GovernanceSettings } from '../schemas/governance';
import { DEFAULT_POLICY, defaultCadence, defaultGates, defaultPlaybook, GOVERNANCE_GATE } from './default-governance';
import { type ConsumerPlace, placeConsumers } from './consumer-projects';
import { emptyCompatibility, type ImportedCompatibility, recordRelease, undatedReleases } from './import-compatibility';
import { IMPORTED_PROSE_FILE, type ImportedProseRecord } from './import-gaps';
import type { ImportedProse } from './import-prose';
import type { ReportItem } from './import-log';
import { everyBlockingGate } from './import-gates';
import { COMMIT, readCoreReference } from './core-references';
import type { TaggedRelease } from './release-tags';
import { renderImportReport } from './render-import-report';

export interface ImportPlanInput {
  settingsFile: string;
  settings: GovernanceSettings;
  source: string;
  imported: ImportedProse;
  evidence: { index: ImportedEvidenceIndex; skipped: ReportItem[] };
  /** Copy the milestones into the governance folder instead of validating them where they are. */
  copyMilestones: boolean;
  /** Where rendered documents go (a folder of their own when the originals are hand-written). */
  docsFolder: string;
  force: boolean;
  read: (path: string) => string | undefined;
  /** Where a consumer is and which Nx project it is (consumer-projects.ts), or why it has none. */
  placeConsumer: (name: string) => ConsumerPlace;
  /** The git tag of a core version and its date (release-tags.ts), for versions the prose names without a date. */
  taggedRelease: (core: { kind: 'version' | 'commit'; value: string }) => TaggedRelease;
}

/** What the report lists, as it lists it: the summary an import prints counts these, not the importer's lists before the plan adds its own. */
export interface ImportPlanLog {
  converted: ReportItem[];
  review: ReportItem[];
  notUnderstood: ReportItem[];
}

export type ImportPlan =
  | { ok: true; data: Map<string, string>; copies: Map<string, string>; report: string; reportFile: string; log: ImportPlanLog }
  | { ok: false; why: string };

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const title = (id: string) => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** The files an import writes, or why it writes none (existing data it would replace without --force). */
export function planImport(input: ImportPlanInput): ImportPlan {
  const { imported, settings } = input;
  const dir = posix.dirname(input.settingsFile);
  const log: ImportPlanLog = { converted: [...imported.converted], review: [...imported.review], notUnderstood: [...imported.notUnderstood] };
  const data = new Map<string, { name: SchemaFileName; value: object; initDefault: object }>();
  const gateIds = imported.gates.map((g) => g.id);
  if (imported.gates.length) data.set('gates.json', { name: 'gates.schema.json', value: { gates: imported.gates }, initDefault: { gates: defaultGates(settings.projectName) } });
  const { playbook } = imported;
  if (imported.releaseClasses.length || playbook.rollbackTriggers.length || playbook.rollbackProcedure.length || playbook.roles.length || playbook.preReleaseChecklist.length || playbook.goNoGo.length) data.set('playbook.json', { name: 'playbook.schema.json', value: playbookFrom(imported, input.source, log), initDefault: defaultPlaybook([GOVERNANCE_GATE]) });
  if (imported.compatibility) data.set('compatibility.json', { name: 'compatibility.schema.json', value: compatibilityFrom(input, log), initDefault: { releases: [], consumers: [], policy: DEFAULT_POLICY, tuples: [], deprecations: [] } });
  if (imported.cadence.activities.length) {
    const releaseRole = releaseRoleOf(imported.playbook);
    const ownership = { decisionLog: imported.cadence.ownership.decisionLog ?? releaseRole, compatibilityMatrix: imported.cadence.ownership.compatibilityMatrix ?? releaseRole };
    data.set('cadence.json', { name: 'cadence.schema.json', value: { activities: imported.cadence.activities, ownership }, initDefault: defaultCadence(GOVERNANCE_GATE) });
  } else if (Object.keys(imported.cadence.ownership).length) {
    log.review.push({ file: input.source, line: 1, what: 'cadence ownership', why: `${JSON.stringify(imported.cadence.ownership)} read, but the prose defines no cadence activity, so cadence.json was not written; set its ownership by hand` });
  }
  if (imported.gates.length) reseedInitDefaults(input, dir, data, log);
  const replaced = [...data.entries()].filter(([file, { value, initDefault }]) => {
    const current = parse(input.read(`${dir}/${file}`));
    return current !== undefined && !isDeepStrictEqual(current, value) && !isDeepStrictEqual(current, initDefault);
  });
  if (replaced.length && !input.force) {
    return { ok: false, why: `${replaced.map(([f]) => `${dir}/${f}`).join(', ')} already hold other data; nothing was written. Pass --force to replace them with the import.` };
  }
  const milestoneFolder = posix.dirname(imported.milestones[0]?.file ?? `${input.source}/milestones/x`);
  const copies = new Map<string, string>();
  if (input.copyMilestones) for (const m of imported.milestones) copies.set(`${dir}/milestones/${posix.basename(m.file)}`, m.content);
  const current = JSON.parse(input.read(input.settingsFile) ?? '{}') as Record<string, unknown>;
  const paths = { ...settings.paths, milestones: input.copyMilestones ? `${dir}/milestones` : imported.milestones.length ? milestoneFolder : settings.paths.milestones, docs: input.docsFolder };
  const files = new Map<string, string>();
  files.set(input.settingsFile, json({ ...current, paths }));
  for (const [file, { name, value }] of data) files.set(`${dir}/${file}`, json({ $schema: schemaReference(name, dir), ...value }));
  files.set(`${dir}/${IMPORTED_EVIDENCE_FILE}`, json(input.evidence.index));
  const record: ImportedProseRecord = { kind: 'nx-governance/imported-prose', report: `${dir}/import-report.md`, named: imported.named, ...(imported.unread.length ? { unread: imported.unread } : {}) };
  files.set(`${dir}/${IMPORTED_PROSE_FILE}`, json(record));
  if (!gateIds.length) log.notUnderstood.push({ file: input.source, line: 1, what: 'validation matrix', why: 'no table with a gate id and a command column' });
  const reportFile = `${dir}/import-report.md`;
  const report = renderImportReport({
    source: input.source,
    written: [...files.keys(), ...copies.keys()],
    ...log,
    evidence: { folder: input.evidence.index.folder, indexed: input.evidence.index.entries.length, skipped: input.evidence.skipped },
  });
  return { ok: true, data: files, copies, report, reportFile, log };
}

/**
 * Init's playbook and cadence name its seed gate, which the imported gates.json replaces: where the import writes no
 * playbook or cadence of its own and the file is still init's, it is written again as init writes it for these gates
 * (as init does over an existing gates.json), so the data does not name a gate that is gone.
 */
function reseedInitDefaults(input: ImportPlanInput, dir: string, data: Map<string, { name: SchemaFileName; value: object; initDefault: object }>, log: { review: ReportItem[] }): void {
  const gates = input.imported.gates.map((g) => g.id);
  const seeds = [
    { file: 'playbook.json', name: 'playbook.schema.json', initDefault: defaultPlaybook([GOVERNANCE_GATE]), value: defaultPlaybook(gates) },
    { file: 'cadence.json', name: 'cadence.schema.json', initDefault: defaultCadence(GOVERNANCE_GATE), value: defaultCadence(gates[0]) },
  ] as const;
  for (const { file, name, initDefault, value } of seeds) {
    if (data.has(file) || !isDeepStrictEqual(parse(input.read(`${dir}/${file}`)), initDefault)) continue;
    data.set(file, { name, value, initDefault });
    log.review.push({ file: input.source, line: 1, what: `${dir}/${file}`, why: `init's seed named ${GOVERNANCE_GATE}, which the imported gates replace; written again as init writes it for the imported gates` });
  }
}

function playbookFrom(imported: ImportedProse, source: string, log: { review: ReportItem[] }): object {
  const { playbook } = imported;
  const owners = [
    ...imported.gates.map((g) => g.owner),
    ...imported.cadence.activities.map((a) => a.owner),
    ...imported.cadence.coOwners,
    ...Object.values(imported.cadence.ownership),
    ...playbook.rollbackProcedure.map((s) => s.owner),
    releaseRoleOf(playbook),
  ];
  const roles = [...playbook.roles];
  for (const id of owners) if (id && !roles.some((r) => r.id === id)) roles.push({ id, title: title(id), owner: 'to be assigned' });
  const classes = imported.releaseClasses.length
    ? imported.releaseClasses
    : [{ id: 'R1', title: 'Every blocking gate', description: 'Written by import: the prose defines no release class.', gates: everyBlockingGate(imported.gates) }];
  if (!imported.releaseClasses.length) log.review.push({ file: source, line: 1, what: 'release classes', why: 'none in the prose; one class R1 of every blocking gate was written' });
  const defaultClass = classes.some((c) => c.id === imported.defaultReleaseClass) ? imported.defaultReleaseClass : classes[classes.length - 1].id;
  // The class nx run governance:gate and release-readiness judge by default: a choice the prose did not make is said.
  if (imported.releaseClasses.length && defaultClass !== imported.defaultReleaseClass) {
    log.review.push({ file: source, line: 1, what: 'default release class', why: `${imported.defaultReleaseClass ? `${imported.defaultReleaseClass} is no class of the prose` : 'not stated in the prose'}; ${defaultClass}, the last class, was written: set defaultReleaseClass in playbook.json if another is the default` });
  }
  const procedure = playbook.rollbackProcedure.length ? playbook.rollbackProcedure : [{ step: 'Write the rollback procedure: the prose had none.', owner: releaseRoleOf(playbook) }];
  if (!playbook.rollbackProcedure.length) log.review.push({ file: source, line: 1, what: 'rollback procedure', why: 'none found under a "Rollback procedure" heading; a placeholder step was written' });
  return {
    roles,
    releaseClasses: classes,
    defaultReleaseClass: defaultClass,
    preReleaseChecklist: playbook.preReleaseChecklist,
    goNoGo: playbook.goNoGo,
    rollbackTriggers: playbook.rollbackTriggers,
    rollbackProcedure: procedure,
    ...(imported.milestoneGateSets.length ? { minimumGatesPerMilestone: imported.milestoneGateSets } : {}),
  };
}

function compatibilityFrom(input: ImportPlanInput, log: { converted: ReportItem[]; review: ReportItem[] }): object {
  const compat = input.imported.compatibility ?? emptyCompatibility();
  const consumers = placeConsumers(compat, input.placeConsumer, log.review, input.source);
  const untagged = datedFromTags(compat, input.taggedRelease, log);
  if (!compat.supportWindow) log.review.push({ file: input.source, line: 1, what: 'support window', why: `not stated in the prose; the default ${JSON.stringify(DEFAULT_POLICY.supportWindow)} was written` });
  if (compat.deprecationLeadTimeDays === undefined) log.review.push({ file: input.source, line: 1, what: 'deprecation lead time', why: `not stated in the prose; the default ${DEFAULT_POLICY.deprecationLeadTimeDays} days was written` });
  for (const { core, where } of undatedReleases(compat)) {
    recordRelease(compat, core);
    const noTag = !untagged.has(core) ? '' : COMMIT.test(core) ? ' and git knows no commit of it here' : ` and no git tag v${core} or ${core}`;
    log.review.push({ ...where, what: `release ${core}`, why: `written without a date: the prose gives none (a releases table, or a date in the row)${noTag}; the matrix orders it by its version, and a support window in months cannot place it until its date is added` });
  }
  const { tuples } = compat;
  const counts = compat.consumers.map((c) => tuples.filter((t) => c.name in t.consumers).length);
  // The prose states no minimum: require what it holds, so the import neither invents tuples nor fails on their absence.
  const minimumTuplesPerConsumer = Math.min(DEFAULT_POLICY.minimumTuplesPerConsumer, ...counts);
  if (minimumTuplesPerConsumer < DEFAULT_POLICY.minimumTuplesPerConsumer) {
    log.review.push({ file: input.source, line: 1, what: 'policy.minimumTuplesPerConsumer', why: `${minimumTuplesPerConsumer}: a consumer has only that many validated tuples in the prose (the default is ${DEFAULT_POLICY.minimumTuplesPerConsumer}: the current one and a rollback)` });
  }
  return {
    releases: compat.releases,
    consumers,
    policy: {
      supportWindow: compat.supportWindow ?? DEFAULT_POLICY.supportWindow,
      minimumTuplesPerConsumer,
      deprecationLeadTimeDays: compat.deprecationLeadTimeDays ?? DEFAULT_POLICY.deprecationLeadTimeDays,
    },
    tuples,
    deprecations: compat.deprecations,
  };
}

/**
 * A core version or commit a tuple names without a release date becomes a release dated by git (the version's tag,
 * the commit's date), said in the report; those git cannot date are returned, to be written undated.
 */
function datedFromTags(compat: ImportedCompatibility, tagged: ImportPlanInput['taggedRelease'], log: { converted: ReportItem[] }): Set<string> {
  const untagged = new Set<string>();
  compat.tuples.forEach((tuple, i) => {
    const core = readCoreReference(tuple.core);
    // Asked of git once per core, and only where no listed release states its date.
    if (!core || core.kind === 'range' || compat.releases.some((r) => (r.version === tuple.core || r.commit === tuple.core) && r.date) || untagged.has(tuple.core)) return;
    const release = tagged(core);
    if (!release) {
      untagged.add(tuple.core);
      return;
    }
    recordRelease(compat, tuple.core, { date: release.date });
    const source = 'tag' in release ? `git tag ${release.tag}` : `commit ${release.commit} in this repository`;
    log.converted.push({ ...compat.tupleLines[i], what: `release ${tuple.core}`, why: `dated ${release.date}, the date of ${source} (the prose gives none)` });
  });
  return untagged;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    const { $schema: _schema, ...rest } = JSON.parse(text) as Record<string, unknown>;
    return rest;
  } catch {
    return { unreadable: text };
  }
}
