import { withSchemaDefaults } from '../../schema-defaults';
import type { RunArgvExecutorSchema } from './schema';

export const normalizeOptions = (options: RunArgvExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['cwd', 'timeoutMinutes']);
