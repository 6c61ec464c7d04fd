import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatFiles, logger, readJson, type Tree } from '@nx/devkit';
import { detectLanguage, LANGUAGE_DEFAULTS } from '../../lib/consumers/languages';
import { type StatedConsumer, statedConsumers } from '../../lib/consumers/resolve-consumers';
import { schemaReference } from '../../lib/json/json-schemas';
import { consumerFileSchema } from '../../lib/schemas/compatibility';
import { SKIPPED_FOLDERS } from '../../lib/workspace/file-reader';
import { CONSUMER_FILE } from '../../lib/workspace/load-governance';
import { loadTreeGovernance, writeDataJson } from '../governance-tree';
import { locateConsumer } from './consumer-location';
import { normalizeOptions } from './normalize-options';
import type { ConsumerGeneratorSchema } from './schema';

export default async function consumerGenerator(tree: Tree, raw: ConsumerGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { consumers, data } = loadTreeGovernance(tree, options.settingsFile);
  if (consumers.some((c) => c.name === options.name)) throw new Error(`Consumer ${options.name} is already declared`);
  const stated = statedConsumers(data).find((c) => c.name === options.name);
  const { directory, project } = locateConsumer(tree, options);
  if (options.source) copyFolderIntoTree(tree, options.source, directory);
  const language = detectLanguage((file) => tree.exists(`${directory}/${file}`));
  if (!language) {
    const manifests = Object.values(LANGUAGE_DEFAULTS).map((d) => d.manifest).join(', ');
    throw new Error(`${directory} has none of ${manifests}: cannot tell its language or its version; add a manifest or declare the consumer in compatibility.json with a test command`);
  }
  const supports = options.supports ?? stated?.supports;
  const declaration = {
    $schema: schemaReference('consumer.schema.json', directory),
    name: options.name,
    project,
    ...(supports ? { supports } : {}),
  };
  const parsed = consumerFileSchema.safeParse(declaration);
  if (!parsed.success) throw new Error(`The consumer declaration is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  writeDataJson(tree, `${directory}/${CONSUMER_FILE}`, declaration);
  if (stated) vendorStatedConsumer(tree, stated);
  if (!options.skipFormat) await formatFiles(tree);
}

/**
 * The consumer was stated only (in compatibility.json without a project): its
 * folder now declares it, so its entry leaves compatibility.json (one
 * declaration per consumer); its tuples stay, naming it as before.
 */
function vendorStatedConsumer(tree: Tree, stated: StatedConsumer): void {
  const compat = readJson<{ consumers: Array<{ name: string }> }>(tree, stated.declaredIn);
  writeDataJson(tree, stated.declaredIn, { ...compat, consumers: compat.consumers.filter((c) => c.name !== stated.name) });
  logger.info(`${stated.name} was stated only in ${stated.declaredIn}; its folder declares it now (its tuples stay in ${stated.declaredIn}).`);
}

/** Vendoring: every file of `source` (dependency and build folders left out) into the Tree under `target`. */
function copyFolderIntoTree(tree: Tree, source: string, target: string): void {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (SKIPPED_FOLDERS.includes(name)) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else tree.write(`${target}/${relative(source, path).split('\\').join('/')}`, readFileSync(path));
    }
  };
  walk(source);
}
