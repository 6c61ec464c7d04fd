import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readRepoFile, REPO_ROOT } from '../../test-helpers/temp-workspace';
import { DATA_FILE_SCHEMAS, renderJsonSchema, schemaReference, type SchemaFileName } from './json-schemas';

const names = Object.keys(DATA_FILE_SCHEMAS) as SchemaFileName[];

describe('shipped JSON Schemas', () => {
  it.each(names)('schemas/%s is what the zod schema generates (run tools/generate-json-schemas.ts)', (name) => {
    expect(readRepoFile(`packages/nx-governance/schemas/${name}`)).toBe(renderJsonSchema(name));
  });

  it('ships no schema that the code does not generate', () => {
    expect(readdirSync(join(REPO_ROOT, 'packages/nx-governance/schemas')).sort()).toEqual([...names].sort());
  });

  it('describes fields for editors, with the characters of a gate id and required fields', () => {
    const gates = JSON.parse(renderJsonSchema('gates.schema.json'));
    const command = gates.properties.gates.items.anyOf[0];
    // The form of an id is governance.json's to set (ids.gate), which a schema of gates.json cannot know.
    expect(command.properties.id.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9._-]*$');
    expect(command.properties.steps.items.anyOf[1].properties.argv).toMatchObject({ type: 'array', minItems: 1 });
    expect(command.required).toEqual(['id', 'title', 'scope', 'owner', 'kind', 'steps']);
    expect(command.additionalProperties).toBe(false);
  });

  it.each([
    ['governance.json', 'governance/governance.json'],
    ['gates.json', 'governance/gates.json'],
    ['compatibility.json', 'governance/compatibility.json'],
    ['playbook.json', 'governance/playbook.json'],
    ['cadence.json', 'governance/cadence.json'],
  ])('the bundled %s points its $schema at the shipped schema', (name, path) => {
    const data = JSON.parse(readRepoFile(path));
    expect(data.$schema).toBe(schemaReference(name.replace('.json', '.schema.json') as SchemaFileName, 'governance'));
  });
});
