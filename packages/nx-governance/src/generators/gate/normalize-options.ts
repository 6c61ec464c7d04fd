import { withSchemaDefaults } from '../../schema-defaults';
import type { GateGeneratorSchema } from './schema';

export const normalizeOptions = (options: GateGeneratorSchema) => withSchemaDefaults(options, require('./schema.json'), ['kind', 'owner', 'enforcement', 'timeoutSeconds', 'settingsFile', 'skipFormat']);
