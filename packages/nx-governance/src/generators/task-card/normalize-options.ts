import { withSchemaDefaults } from '../../schema-defaults';
import type { TaskCardGeneratorSchema } from './schema';

export const normalizeOptions = (options: TaskCardGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'skipFormat']);
