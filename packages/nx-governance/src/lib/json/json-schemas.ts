import { z } from 'zod';
import {
  cadenceFileSchema,
  compatibilityFileSchema,
  consumerFileSchema,
  gateSchema,
  gatesFileSchema,
  governanceSettingsSchema,
  playbookFileSchema,
} from '../schemas';

/** The JSON Schemas shipped in `schemas/`, by file name, so editors complete and check data files. */
export const DATA_FILE_SCHEMAS = {
  'governance.schema.json': governanceSettingsSchema,
  'gates.schema.json': gatesFileSchema,
  'gate.schema.json': gateSchema,
  'compatibility.schema.json': compatibilityFileSchema,
  'playbook.schema.json': playbookFileSchema,
  'cadence.schema.json': cadenceFileSchema,
  'consumer.schema.json': consumerFileSchema,
} as const;

export type SchemaFileName = keyof typeof DATA_FILE_SCHEMAS;

/** What a data file's `$schema` points at, relative to its folder in a workspace that installed the plugin. */
export function schemaReference(fileName: SchemaFileName, fromDir: string): string {
  const depth = fromDir.split('/').filter(Boolean).length;
  return `${'../'.repeat(depth)}node_modules/nx-governance/schemas/${fileName}`;
}

/**
 * Generates the JSON Schema for a data file. Input shape, because defaults make
 * fields optional for the person writing the file.
 */
export function renderJsonSchema(fileName: SchemaFileName): string {
  const schema = z.toJSONSchema(DATA_FILE_SCHEMAS[fileName], { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, $id: `https://unpkg.com/nx-governance/schemas/${fileName}` }, null, 2)}\n`;
}
