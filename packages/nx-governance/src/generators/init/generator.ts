import { formatFiles, readNxJson, type Tree, updateNxJson } from '@nx/devkit';
import { schemaReference } from '../../core/json-schemas';
import { writeDataJson } from '../governance-tree';
import type { InitGeneratorSchema } from './schema';

const PLUGIN = 'nx-governance';
const SYNC_GENERATOR = 'nx-governance:sync';
const README_MARKER = '<!-- nx-governance -->';

export default async function initGenerator(tree: Tree, options: InitGeneratorSchema): Promise<void> {
  const directory = (options.directory ?? 'governance').replace(/\/+$/, '');
  registerPlugin(tree);
  writeIfAbsent(tree, `${directory}/governance.json`, {
    $schema: schemaReference('governance.schema.json', directory),
    core: { project: options.coreProject },
    paths: { milestones: `${directory}/milestones`, evidence: 'evidence', docs: 'docs/execution-plan' },
  });
  writeIfAbsent(tree, `${directory}/gates.json`, { $schema: schemaReference('gates.schema.json', directory), gates: [] });
  writeIfAbsent(tree, `${directory}/compatibility.json`, {
    $schema: schemaReference('compatibility.schema.json', directory),
    releases: [],
    consumers: [],
    policy: { supportWindow: { latestMinors: 2 }, minimumTuplesPerConsumer: 2, deprecationLeadTimeDays: 30 },
    tuples: [],
    deprecations: [],
  });
  addReadmeGuidance(tree);
  if (!options.skipFormat) await formatFiles(tree);
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

function writeIfAbsent(tree: Tree, path: string, value: unknown): void {
  if (!tree.exists(path)) writeDataJson(tree, path, value);
}

function addReadmeGuidance(tree: Tree): void {
  const current = tree.exists('README.md') ? tree.read('README.md', 'utf8')! : '';
  if (current.includes(README_MARKER)) return;
  const section = [
    README_MARKER,
    '## Governance',
    '',
    'Release governance lives in `governance/` and is checked by the `nx-governance` plugin:',
    '',
    '- `npx nx run governance:validate` checks every governance file.',
    '- `npx nx run governance:gate` runs the gates of the default release class and writes evidence.',
    '- `npx nx sync` renders the compatibility matrix and the other documents from the data;',
    '  CI runs `npx nx sync:check`, which fails when they are stale.',
    '',
  ].join('\n');
  tree.write('README.md', current ? `${current.replace(/\n*$/, '\n\n')}${section}` : section);
}
