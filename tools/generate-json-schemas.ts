// Writes packages/nx-governance/schemas/*.schema.json from the zod schemas.
// Run: node -r @swc-node/register tools/generate-json-schemas.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILE_SCHEMAS, renderJsonSchema, type SchemaFileName } from '../packages/nx-governance/src/lib/json/json-schemas';

const dir = join(__dirname, '..', 'packages', 'nx-governance', 'schemas');
for (const name of Object.keys(DATA_FILE_SCHEMAS) as SchemaFileName[]) {
  writeFileSync(join(dir, name), renderJsonSchema(name));
  console.log(`wrote schemas/${name}`);
}
