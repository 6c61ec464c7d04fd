import { withSchemaDefaults } from '../../schema-defaults';
import type { ValidateExecutorSchema } from './schema';

export const normalizeOptions = (options: ValidateExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'strict']);
