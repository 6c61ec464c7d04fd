import { withSchemaDefaults } from '../../schema-defaults';
import type { ReleaseReadinessExecutorSchema } from './schema';

export const normalizeOptions = (options: ReleaseReadinessExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'runMissing']);
