/** The part of an executor's or generator's schema.json that declares defaults. */
export interface OptionsSchema {
  properties: Record<string, { default?: unknown }>;
}

/** `T` with the defaulted options present. */
export type WithDefaults<T, K extends keyof T> = T & { [P in K]-?: Exclude<T[P], undefined> };

/**
 * Fills in, for every option in `keys` that is absent, the default its
 * schema.json declares, so a default is written once (in the schema) and
 * applies the same when Nx calls the code and when a test or another executor
 * does. A key without a default in the schema is a bug in this package.
 */
export function withSchemaDefaults<T extends object, K extends keyof T & string>(options: T, schema: OptionsSchema, keys: readonly K[]): WithDefaults<T, K> {
  const filled = { ...options } as Record<string, unknown>;
  for (const key of keys) {
    const declared = schema.properties[key];
    if (!declared || !('default' in declared)) throw new Error(`schema.json: properties.${key}: found no default, expected one for an option the code treats as defaulted`);
    if (filled[key] === undefined) filled[key] = declared.default;
  }
  return filled as WithDefaults<T, K>;
}
