import { parse as parseToml } from 'smol-toml';

/**
 * A dotted field (`package.version`) of a TOML or JSON manifest, or undefined
 * when the manifest does not parse or has no such string field.
 */
export function readManifestField(file: string, text: string, field: string): string | undefined {
  let data: unknown;
  try {
    data = file.endsWith('.json') ? JSON.parse(text) : parseToml(text);
  } catch {
    return undefined;
  }
  let value: unknown = data;
  for (const key of field.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : undefined;
}
