import { withSchemaDefaults } from '../../schema-defaults';
import type { RunGateExecutorSchema } from './schema';

export const normalizeOptions = (options: RunGateExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile']);
