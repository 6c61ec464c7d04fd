import { withSchemaDefaults } from '../../schema-defaults';
import type { CompatRunExecutorSchema } from './schema';

export const normalizeOptions = (options: CompatRunExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'target', 'affected', 'parallel']);
