import { withSchemaDefaults } from '../../schema-defaults';
import type { VerifyEvidenceExecutorSchema } from './schema';

export const normalizeOptions = (options: VerifyEvidenceExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'stale']);
