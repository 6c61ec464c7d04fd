import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same data always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export type Sealed<T> = T & { digest: string };

/** Adds `digest`: the sha256 of the record's canonical JSON without the digest itself. */
export function sealRecord<T extends object>(record: T): Sealed<T> {
  const { digest: _ignored, ...rest } = record as T & { digest?: string };
  return { ...(rest as T), digest: sha256(canonicalJson(rest)) };
}

/** True when the record's digest matches its content. */
export function hasValidDigest(record: { digest?: unknown }): boolean {
  const { digest, ...rest } = record;
  return typeof digest === 'string' && digest === sha256(canonicalJson(rest));
}
