import { withSchemaDefaults } from '../../schema-defaults';
import type { RollbackCheckExecutorSchema } from './schema';

export const normalizeOptions = (options: RollbackCheckExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'candidate']);
