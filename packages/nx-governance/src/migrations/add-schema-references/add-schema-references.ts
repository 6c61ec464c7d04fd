import { posix } from 'node:path';
import { formatFiles, logger, type Tree, visitNotIgnoredFiles } from '@nx/devkit';
import { schemaReference, type SchemaFileName } from '../../lib/json/json-schemas';
import { CONSUMER_FILE } from '../../lib/workspace/load-governance';

/** The data files of a governance folder, by name, with the schema each is checked against. */
const FOLDER_FILES: Record<string, SchemaFileName> = {
  'governance.json': 'governance.schema.json',
  'gates.json': 'gates.schema.json',
  'compatibility.json': 'compatibility.schema.json',
  'playbook.json': 'playbook.schema.json',
  'cadence.json': 'cadence.schema.json',
};

/**
 * nx migrate, 0.2.0: every data file gets the `$schema` that `validate` now warns about when it is
 * missing, so editors complete and check it. The governance folders are those holding a
 * governance.json (the files beside it and its gates/ folder); consumer declarations are found
 * anywhere. A file that does not parse, or already has a `$schema`, is left as it is.
 */
export default async function addSchemaReferences(tree: Tree): Promise<void> {
  const targets: Array<[string, SchemaFileName]> = [];
  visitNotIgnoredFiles(tree, '', (file) => {
    const name = posix.basename(file);
    if (name === CONSUMER_FILE) targets.push([file, 'consumer.schema.json']);
    if (name !== 'governance.json') return;
    const folder = posix.dirname(file);
    for (const [sibling, schema] of Object.entries(FOLDER_FILES)) targets.push([`${folder}/${sibling}`, schema]);
    const gates = `${folder}/gates`;
    if (tree.exists(gates)) for (const gate of tree.children(gates).filter((n) => n.endsWith('.json'))) targets.push([`${gates}/${gate}`, 'gate.schema.json']);
  });
  const updated = targets.filter(([file, schema]) => addSchema(tree, file, schema));
  if (updated.length) logger.info(`Added $schema to ${updated.map(([file]) => file).join(', ')}`);
  await formatFiles(tree);
}

function addSchema(tree: Tree, file: string, schema: SchemaFileName): boolean {
  if (!tree.exists(file)) return false;
  let data: unknown;
  try {
    data = JSON.parse(tree.read(file, 'utf8')!);
  } catch {
    // validate names a file that does not parse, with its line; a migration must not guess at it.
    return false;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || '$schema' in data) return false;
  tree.write(file, `${JSON.stringify({ $schema: schemaReference(schema, posix.dirname(file)), ...data }, null, 2)}\n`);
  return true;
}
