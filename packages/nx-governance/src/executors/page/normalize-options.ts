import { withSchemaDefaults } from '../../schema-defaults';
import type { PageExecutorSchema } from './schema';

export const normalizeOptions = (options: PageExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'output']);
