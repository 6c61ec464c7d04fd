import { withSchemaDefaults } from '../../schema-defaults';
import type { InitGeneratorSchema } from './schema';

export const normalizeOptions = (options: InitGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['directory', 'addReadmeGuidance', 'skipFormat', 'ciShards']);
