import { withSchemaDefaults } from '../../schema-defaults';
import type { AttestExecutorSchema } from './schema';

export const normalizeOptions = (options: AttestExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile']);
