import { withSchemaDefaults } from '../../schema-defaults';
import type { PruneEvidenceExecutorSchema } from './schema';

export const normalizeOptions = (options: PruneEvidenceExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'keep', 'apply']);
