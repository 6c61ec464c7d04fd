import { withSchemaDefaults } from '../../schema-defaults';
import type { RollbackTupleGeneratorSchema } from './schema';

export const normalizeOptions = (options: RollbackTupleGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['settingsFile', 'skipFormat']);
