import { withSchemaDefaults } from '../../schema-defaults';
import type { CompatQueryExecutorSchema } from './schema';

export const normalizeOptions = (options: CompatQueryExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile']);
