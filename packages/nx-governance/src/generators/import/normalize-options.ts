import { withSchemaDefaults } from '../../schema-defaults';
import type { ImportGeneratorSchema } from './schema';

export const normalizeOptions = (options: ImportGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['source', 'exclude', 'force', 'settingsFile', 'skipFormat']);
