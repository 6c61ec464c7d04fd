import { withSchemaDefaults } from '../../schema-defaults';
import type { GateExecutorSchema } from './schema';

export const normalizeOptions = (options: GateExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'requireClean']);
