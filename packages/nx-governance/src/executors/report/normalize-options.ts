import { withSchemaDefaults } from '../../schema-defaults';
import type { ReportExecutorSchema } from './schema';

export const normalizeOptions = (options: ReportExecutorSchema) => withSchemaDefaults(options, require('./schema.json'), ['summary', 'settingsFile']);
