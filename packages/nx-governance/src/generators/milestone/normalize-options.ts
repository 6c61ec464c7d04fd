import { withSchemaDefaults } from '../../schema-defaults';
import type { MilestoneGeneratorSchema } from './schema';

export const normalizeOptions = (options: MilestoneGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'skipFormat']);
