import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RELEASE_MANAGER_ROLE } from './lib/schemas/common';
import { DEFAULT_SETTINGS_FILE } from './lib/workspace/load-governance';
import { type OptionsSchema, withSchemaDefaults } from './schema-defaults';

const packageRoot = join(__dirname, '..');
/** Every executor's and generator's folder under src/, from the package's manifests. */
function entries(manifest: 'executors.json' | 'generators.json'): Array<{ name: string; folder: string; schema: OptionsSchema }> {
  const listed = JSON.parse(readFileSync(join(packageRoot, manifest), 'utf8'));
  return Object.entries<{ schema: string }>(listed.executors ?? listed.generators).map(([name, entry]) => {
    const schemaFile = join(packageRoot, entry.schema.replace('./dist/', './src/'));
    return { name, folder: dirname(schemaFile), schema: JSON.parse(readFileSync(schemaFile, 'utf8')) };
  });
}
const declaredDefaults = (schema: OptionsSchema) =>
  Object.fromEntries(Object.entries(schema.properties).flatMap(([key, property]) => ('default' in property ? [[key, property.default]] : [])));

describe('withSchemaDefaults', () => {
  const schema = { properties: { target: { default: 'compat' }, parallel: { default: 2 }, json: {} } };

  it('fills in absent options from the schema and keeps the ones given', () => {
    expect(withSchemaDefaults({ parallel: 4 } as { target?: string; parallel?: number }, schema, ['target', 'parallel'])).toEqual({ target: 'compat', parallel: 4 });
  });

  it('refuses an option the schema gives no default', () => {
    expect(() => withSchemaDefaults({} as { json?: string }, schema, ['json'])).toThrow('schema.json: properties.json: found no default, expected one');
  });
});

describe.each([
  ...entries('executors.json').map((entry) => ({ ...entry, kind: 'executor' })),
  ...entries('generators.json').map((entry) => ({ ...entry, kind: 'generator' })),
].filter(({ schema }) => Object.keys(declaredDefaults(schema)).length))('the $name $kind', ({ folder, schema, kind }) => {
  it('applies every default its schema declares through its normalizeOptions', () => {
    const { normalizeOptions } = require(join(folder, 'normalize-options'));
    expect(normalizeOptions({})).toEqual(declaredDefaults(schema));
  });

  it('does not write a schema default again in code', () => {
    const source = readFileSync(join(folder, `${kind}.ts`), 'utf8');
    const again = Object.keys(declaredDefaults(schema)).filter((key) => new RegExp(`options\\.${key}\\s*(\\?\\?|\\|\\|)`).test(source));
    expect(again).toEqual([]);
  });
});

describe('the settings file default', () => {
  // JSON Schema cannot import the constant: this pins every schema's copy of it.
  it.each([...entries('executors.json'), ...entries('generators.json')].filter(({ schema }) => schema.properties.settingsFile))(
    'is DEFAULT_SETTINGS_FILE in the $name schema',
    ({ schema }) => {
      expect(schema.properties.settingsFile.default).toBe(DEFAULT_SETTINGS_FILE);
    },
  );

  it('is checked in at least the 17 schemas that name it', () => {
    const named = [...entries('executors.json'), ...entries('generators.json')].filter(({ schema }) => schema.properties.settingsFile);
    expect(named.length).toBeGreaterThanOrEqual(17);
  });
});

describe('constants a schema repeats', () => {
  const schemaOf = (name: string) => entries('generators.json').find((entry) => entry.name === name)?.schema.properties;

  it('init writes the settings file where DEFAULT_SETTINGS_FILE looks for it', () => {
    expect(`${schemaOf('init')?.directory.default}/governance.json`).toBe(DEFAULT_SETTINGS_FILE);
  });

  it('a new gate is owned by RELEASE_MANAGER_ROLE', () => {
    expect(schemaOf('gate')?.owner.default).toBe(RELEASE_MANAGER_ROLE);
  });
});
