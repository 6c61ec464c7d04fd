import { withSchemaDefaults } from '../../schema-defaults';
import type { ConsumerGeneratorSchema } from './schema';

export const normalizeOptions = (options: ConsumerGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'skipFormat']);
