import { withSchemaDefaults } from '../../schema-defaults';
import type { CadenceExecutorSchema } from './schema';

export const normalizeOptions = (options: CadenceExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'strict']);
