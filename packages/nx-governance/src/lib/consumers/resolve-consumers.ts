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
 * The consumers in this workspace, from compatibility.json and from
 * `governance.consumer.json` files: those with an Nx project, whose tests can
 * run here. A folder's own declaration wins over an entry for the same name.
 * The others are `statedConsumers`.
 */
export function resolveConsumers(
  reader: FileReader,
  data: GovernanceData,
  declared: { file: string; consumers: readonly Consumer[] } | undefined = data.compatibility && { file: data.compatibility.file, consumers: data.compatibility.data.consumers },
): ResolvedConsumer[] {
  const byName = new Map<string, ResolvedConsumer>();
  for (const consumer of declared?.consumers ?? []) {
    if (consumer.project !== undefined) byName.set(consumer.name, resolveConsumer(reader, { ...consumer, project: consumer.project }, declared!.file));
  }
  for (const { file, data: declared } of data.consumerFiles) {
    byName.set(declared.name, resolveConsumer(reader, { ...declared, path: posix.dirname(file) }, file));
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** A consumer the compatibility document names with no project in this workspace: its range and tuples are data, its tests cannot run here. */
export interface StatedConsumer {
  name: string;
  supports?: string;
  declaredIn: string;
}

/**
 * The consumers compatibility.json names without a project (an import keeps
 * those the prose names that are not vendored here), unless a folder declares
 * the same name. Every reader that judges a consumer (readiness, rollback-check)
 * says inconclusive for these with `notInWorkspace`; the matrix shows their
 * stated tuples.
 */
export function statedConsumers(data: Pick<GovernanceData, 'compatibility' | 'consumerFiles'>): StatedConsumer[] {
  const compat = data.compatibility;
  if (!compat) return [];
  const inFolders = new Set(data.consumerFiles.map((f) => f.data.name));
  return compat.data.consumers
    .filter((c) => c.project === undefined && !inFolders.has(c.name))
    .map((c) => ({ name: c.name, ...(c.supports ? { supports: c.supports } : {}), declaredIn: compat.file }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Why nothing here can judge a stated consumer, in the words every reader prints. */
export function notInWorkspace(consumer: Pick<StatedConsumer, 'name' | 'declaredIn'>): string {
  return `${consumer.name} is not in this workspace (${consumer.declaredIn} names it without a project), so its tests cannot run here; vendor it and run nx g nx-governance:consumer ${consumer.name}`;
}

function resolveConsumer(reader: FileReader, consumer: Consumer & { project: string }, declaredIn: string): ResolvedConsumer {
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
