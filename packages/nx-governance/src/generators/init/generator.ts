import { evidenceRoot } from '../../lib/evidence/evidence-layout';
import { defaultGovernanceSettings } from '../../lib/schemas/governance';
import { formatFiles, getProjects, logger, readJson, readNxJson, type Tree, updateNxJson } from '@nx/devkit';
import { handWrittenDocuments, SEPARATE_DOCS_FOLDER } from '../../lib/docs/generated-marker';
import { DEFAULT_POLICY, defaultCadence, defaultGates, defaultPlaybook, GOVERNANCE_GATE } from '../../lib/import/default-governance';
import { detectLanguage } from '../../lib/consumers/languages';
import { findCore, type FoundCore, libraryAt, nxProjectAt } from '../../lib/import/find-core';
import { withEvidencePolicy } from '../../lib/ci/evidence-policy';
import { writeCiRecipeFile } from './ci-recipe-files';
import { createMarkdownParser } from '../../lib/markdown/parse-markdown';
import { stageGovernance } from '../../lib/import/staged-governance';
import { schemaReference, type SchemaFileName } from '../../lib/json/json-schemas';
import { knownList } from '../../lib/text/known-list';
import { treeFileReader } from '../tree-file-reader';
import { addReadmeGuidance } from './readme-guidance';
import { normalizeOptions } from './normalize-options';
import type { InitGeneratorSchema } from './schema';

const PLUGIN = 'nx-governance';
const SYNC_GENERATOR = 'nx-governance:sync';
const DOCS = 'docs/execution-plan';

type KnownCore = Extract<FoundCore, { found: true }>;

/**
 * Adds governance without asking anything: registers the plugin and its sync
 * generator, finds the core, and writes a valid governance folder (settings,
 * a first gate, compatibility policy, playbook, cadence) with its rendered
 * documents, beside any hand-written originals. Existing files are kept.
 */
export default async function initGenerator(tree: Tree, raw: InitGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  if (!tree.exists('nx.json')) {
    throw new Error('No nx.json: this repository is not an Nx workspace yet. Run `npx nx@latest init` first, then `npx nx add nx-governance`.');
  }
  const directory = options.directory.replace(/\/+$/, '');
  const settingsFile = `${directory}/governance.json`;
  registerPlugin(tree);
  const reader = treeFileReader(tree);
  if (!tree.exists(settingsFile)) {
    const core = options.coreProject ? givenCore(tree, options.coreProject) : findCore(createMarkdownParser(), reader, projectRoots(tree));
    // Day one of an empty workspace: governance without a core is valid; compat needs one, and init names it later.
    if (core.found) logger.info(`Core project: ${core.project} (${core.why}).`);
    else logger.info(`No core project yet: ${core.why}`);
    const handWritten = handWrittenDocuments(reader, DOCS);
    const docs = handWritten.length ? SEPARATE_DOCS_FOLDER : DOCS;
    if (handWritten.length) logger.info(`${handWritten.join(', ')} are written by hand: documents are rendered into ${docs} instead.`);
    const pending = new Map<string, string>();
    const stage = (name: SchemaFileName, file: string, value: object) => {
      if (!tree.exists(`${directory}/${file}`)) pending.set(`${directory}/${file}`, json({ $schema: schemaReference(name, directory), ...value }));
    };
    stage('governance.schema.json', 'governance.json', {
      ...(core.found ? { core: coreSettings(core) } : {}),
      paths: { milestones: `${directory}/milestones`, evidence: 'evidence', docs },
    });
    writeDataFiles(tree, directory, stage);
    const staged = stageGovernance(reader, pending, settingsFile);
    if (!staged.ok) throw new Error(`The governance init would write does not validate; nothing was written:\n${staged.problems.join('\n')}`);
    for (const [path, content] of pending) tree.write(path, content);
    if (options.addReadmeGuidance) addReadmeGuidance(tree);
    await finish(tree, options);
    // After formatting: the rendered documents keep the bytes nx sync:check compares against.
    for (const doc of staged.rendered) tree.write(doc.path, doc.content);
    return;
  }
  if (options.coreProject) nameCoreLater(tree, settingsFile, givenCore(tree, options.coreProject));
  if (options.addReadmeGuidance) addReadmeGuidance(tree);
  return finish(tree, options);
}

function coreSettings(core: KnownCore): object {
  return { project: core.project, ...(core.path ? { path: core.path } : {}) };
}

/** Governance written before there was a core gets the one --coreProject names; a core already named is kept. */
function nameCoreLater(tree: Tree, settingsFile: string, core: KnownCore): void {
  const settings = readJson<Record<string, unknown>>(tree, settingsFile);
  if (settings.core !== undefined) {
    if ((settings.core as { project?: unknown }).project !== core.project) logger.warn(`${settingsFile} already names its core; --coreProject=${core.project} was not applied.`);
    return;
  }
  const { $schema, ...rest } = settings;
  tree.write(settingsFile, json({ ...($schema === undefined ? {} : { $schema }), core: coreSettings(core), ...rest }));
  logger.info(`Core project: ${core.project} (${core.why}), written to ${settingsFile}.`);
}

function writeDataFiles(tree: Tree, directory: string, stage: (name: SchemaFileName, file: string, value: object) => void): void {
  const existingGates = readGateIds(tree, `${directory}/gates.json`);
  const gates = existingGates ?? [GOVERNANCE_GATE];
  stage('gates.schema.json', 'gates.json', { gates: defaultGates('governance') });
  stage('compatibility.schema.json', 'compatibility.json', { releases: [], consumers: [], policy: DEFAULT_POLICY, tuples: [], deprecations: [] });
  // A playbook must name gates that exist; with an existing empty gates.json there is none to name yet.
  if (gates.length) stage('playbook.schema.json', 'playbook.json', defaultPlaybook(gates));
  else logger.warn(`${directory}/playbook.json was not written: ${directory}/gates.json has no gate for its triggers yet (add one with nx g nx-governance:gate, then run init again).`);
  stage('cadence.schema.json', 'cadence.json', defaultCadence(gates[0]));
}

function readGateIds(tree: Tree, file: string): string[] | undefined {
  if (!tree.exists(file)) return undefined;
  try {
    const gates = (JSON.parse(tree.read(file, 'utf8') ?? '') as { gates?: Array<{ id?: unknown }> }).gates ?? [];
    return gates.map((g) => g.id).filter((id): id is string => typeof id === 'string');
  } catch {
    return [];
  }
}

async function finish(tree: Tree, options: ReturnType<typeof normalizeOptions>): Promise<void> {
  writeCiRecipe(tree, options);
  if (!options.skipFormat) await formatFiles(tree);
}

/** The evidence policy in .gitignore always; with --ci, the CI recipe that runs the governance (an existing one is kept). */
function writeCiRecipe(tree: Tree, options: ReturnType<typeof normalizeOptions>): void {
  const settingsFile = `${options.directory.replace(/\/+$/, '')}/governance.json`;
  const settings = tree.exists(settingsFile) ? (JSON.parse(tree.read(settingsFile, 'utf8') ?? '{}') as { projectName?: string; paths?: Partial<ReturnType<typeof defaultGovernanceSettings>['paths']> }) : undefined;
  if (!settings) return;
  // The defaults governance.json leaves out are the schema's, from the one place they are defined.
  const defaults = defaultGovernanceSettings();
  const evidence = { paths: { ...defaults.paths, ...settings.paths } };
  tree.write('.gitignore', withEvidencePolicy(tree.read('.gitignore', 'utf8') ?? '', evidenceRoot(evidence)));
  if (options.ci) writeCiRecipeFile(tree, options.ci, settings.projectName ?? defaults.projectName, options.ciShards, evidence);
}

function projectRoots(tree: Tree): Map<string, string> {
  return new Map([...getProjects(tree)].map(([name, project]) => [name, project.root]));
}

/** A core named on the command line must be a project, or a library the plugin can make one. */
function givenCore(tree: Tree, name: string): KnownCore {
  const projects = projectRoots(tree);
  const reader = treeFileReader(tree);
  const root = projects.get(name);
  if (root !== undefined) {
    // With its folder, the plugin reads the core's manifest: its language, its version (what readiness releases), its built entry.
    // The workspace root's manifest is the workspace's, unless it is a library (below).
    const hasManifest = root !== '.' && detectLanguage((file) => reader.read(`${root}/${file}`) !== undefined) !== undefined;
    return { found: true, project: name, ...(hasManifest ? { path: root } : {}), why: 'given with --coreProject' };
  }
  if (libraryAt(reader, '.') === name) {
    // The library at the root is the project Nx has there, under the name Nx gives it.
    const project = nxProjectAt(reader, '.', projects) ?? name;
    return { found: true, project, path: '.', why: `given with --coreProject; the library at the root${project === name ? '' : `, which Nx names ${project}`}` };
  }
  if (libraryAt(reader, name) === name) return { found: true, project: name, path: name, why: `given with --coreProject; the library in ${name}/` };
  throw new Error(`--coreProject=${name}: no such project; expected one of: ${knownList(projects.keys(), name)}`);
}

function registerPlugin(tree: Tree): void {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((p) => (typeof p === 'string' ? p : p.plugin) === PLUGIN);
  const globalGenerators = nxJson.sync?.globalGenerators ?? [];
  if (registered && globalGenerators.includes(SYNC_GENERATOR)) return;
  updateNxJson(tree, {
    ...nxJson,
    plugins: registered ? plugins : [...plugins, PLUGIN],
    sync: { ...nxJson.sync, globalGenerators: globalGenerators.includes(SYNC_GENERATOR) ? globalGenerators : [...globalGenerators, SYNC_GENERATOR] },
  });
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
