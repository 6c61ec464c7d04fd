import { withSchemaDefaults } from '../../schema-defaults';
import type { CompatExecutorSchema } from './schema';

export const normalizeOptions = (options: CompatExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'bisect']);
