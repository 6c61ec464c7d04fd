import { posix } from 'node:path';
import type { Consumer } from '../schemas/compatibility';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import type { CoreReach } from './vocabulary';
import { detectLanguage, type Language, LANGUAGE_DEFAULTS } from './languages';

/** A consumer with every default filled in, from whichever file declared it. */
export interface ResolvedConsumer {
  name: string;
  project: string;
  /** The consumer's folder; absent when it is declared without one (its project lives elsewhere). */
  path?: string;
  language?: Language;
  /** How its tests reach the core when it says so itself; otherwise the core's `reachedBy`. */
  reaches?: CoreReach;
  supports?: string;
  versionSource?: { file: string; field?: string };
  test?: { argv: string[]; cwd: string; env: Record<string, string>; timeoutSeconds: number; junit?: string };
  /** The file that declared the consumer. */
  declaredIn: string;
}

/**
 * Consumers from compatibility.json and from `governance.consumer.json` files.
 * A folder's own declaration wins over an entry for the same name.
 */
export function resolveConsumers(
  reader: FileReader,
  data: GovernanceData,
  declared: { file: string; consumers: readonly Consumer[] } | undefined = data.compatibility && { file: data.compatibility.file, consumers: data.compatibility.data.consumers },
): ResolvedConsumer[] {
  const byName = new Map<string, ResolvedConsumer>();
  for (const consumer of declared?.consumers ?? []) {
    byName.set(consumer.name, resolveConsumer(reader, consumer, declared!.file));
  }
  for (const { file, data: declared } of data.consumerFiles) {
    byName.set(declared.name, resolveConsumer(reader, { ...declared, path: posix.dirname(file) }, file));
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function resolveConsumer(reader: FileReader, consumer: Consumer, declaredIn: string): ResolvedConsumer {
  const { path } = consumer;
  const language = consumer.language ?? (path ? detectLanguage((f) => reader.read(`${path}/${f}`) !== undefined) : undefined);
  const defaults = language ? LANGUAGE_DEFAULTS[language] : undefined;
  const versionSource =
    consumer.versionSource ?? (path && defaults ? { file: `${path}/${defaults.manifest}`, field: defaults.versionField } : undefined);
  const testArgv = consumer.test?.argv ?? defaults?.test;
  return {
    name: consumer.name,
    project: consumer.project,
    ...(path ? { path } : {}),
    ...(language ? { language } : {}),
    ...(consumer.reaches ? { reaches: consumer.reaches } : {}),
    ...(consumer.supports ? { supports: consumer.supports } : {}),
    ...(versionSource ? { versionSource } : {}),
    ...(testArgv
      ? {
          test: {
            argv: testArgv,
            cwd: consumer.test?.cwd ?? path ?? '.',
            env: consumer.test?.env ?? {},
            timeoutSeconds: consumer.test?.timeoutSeconds ?? 600,
            ...(consumer.test?.junit ? { junit: consumer.test.junit } : {}),
          },
        }
      : {}),
    declaredIn,
  };
}
