import type { FileReader } from '../workspace/file-reader';
import { readManifestField } from './read-manifest-field';
import type { ResolvedConsumer } from './resolve-consumers';

/** A consumer's own version as its manifest states it now, or why there is none. */
export function consumerVersion(reader: FileReader, consumer: ResolvedConsumer): { ok: true; version: string } | { ok: false; reason: string } {
  const source = consumer.versionSource;
  if (!source?.field) return { ok: false, reason: `${consumer.name} declares no versionSource (a manifest and its version field)` };
  const where = `${source.file} (${source.field})`;
  const text = reader.read(source.file);
  if (text === undefined) return { ok: false, reason: `${consumer.name} has no ${where}` };
  const version = readManifestField(source.file, text, source.field);
  return version ? { ok: true, version } : { ok: false, reason: `${consumer.name} has no version in ${where}` };
}
