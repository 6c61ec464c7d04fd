import { withSchemaDefaults } from '../../schema-defaults';
import type { ReleaseCandidateExecutorSchema } from './schema';

export const normalizeOptions = (options: ReleaseCandidateExecutorSchema) =>
  withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'commit']);
