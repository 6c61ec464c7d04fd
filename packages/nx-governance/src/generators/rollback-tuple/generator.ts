import { posix } from 'node:path';
import { formatFiles, logger, type Tree } from '@nx/devkit';
import * as semver from 'semver';
import { consumerVersion } from '../../lib/consumers/consumer-version';
import { resolveCore } from '../../lib/consumers/resolve-core';
import { todayUtc } from '../../lib/dates';
import { schemaReference } from '../../lib/json/json-schemas';
import { ROLLBACK_TUPLE_ID } from '../../lib/rollback/rollback-tuple';
import { loadTreeGovernance, writeDataJson } from '../governance-tree';
import { normalizeOptions } from './normalize-options';
import type { RollbackTupleGeneratorSchema } from './schema';

/**
 * The tuple named `rollback` from the versions now: what a release of the next version rolls back to.
 * Every version is read before anything is written, so a missing one leaves compatibility.json as it was.
 */
export default async function rollbackTupleGenerator(tree: Tree, raw: RollbackTupleGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { data, reader, consumers } = loadTreeGovernance(tree, options.settingsFile);
  const coreVersion = options.coreVersion ?? resolveCore(reader, data.settings)?.version;
  if (coreVersion === undefined) {
    const core = data.settings.core;
    throw new Error(
      core
        ? `The core ${core.project} states no version${core.path ? ` in its manifest under ${core.path}` : ' (governance.json gives it no path)'}: pass --coreVersion=<version>`
        : `${data.settingsFile} names no core: run nx g nx-governance:init --coreProject=<project> first`,
    );
  }
  if (semver.valid(coreVersion) === null || semver.clean(coreVersion) !== coreVersion) {
    throw new Error(`--coreVersion: found ${JSON.stringify(coreVersion)}, expected a semver version such as 1.2.3`);
  }
  const versions = consumers.map((consumer) => ({ consumer, read: consumerVersion(reader, consumer) }));
  const unreadable = versions.flatMap(({ read }) => (read.ok ? [] : [read.reason]));
  if (unreadable.length) throw new Error(`Cannot write the rollback tuple: ${unreadable.join('; ')}`);

  const file = data.compatibility?.file ?? `${posix.dirname(data.settingsFile)}/compatibility.json`;
  const compatibility = tree.exists(file)
    ? JSON.parse(tree.read(file, 'utf8')!)
    : { $schema: schemaReference('compatibility.schema.json', posix.dirname(file)), releases: [], consumers: [], tuples: [] };
  compatibility.releases ??= [];
  compatibility.tuples ??= [];
  if (!compatibility.releases.some((r: { version?: string }) => r.version === coreVersion)) {
    compatibility.releases.push({ version: coreVersion, date: options.date ?? todayUtc() });
  }
  const tuple = {
    id: ROLLBACK_TUPLE_ID,
    core: coreVersion,
    consumers: Object.fromEntries(versions.map(({ consumer, read }) => [consumer.name, (read as { version: string }).version])),
  };
  const index = compatibility.tuples.findIndex((t: { id: string }) => t.id === ROLLBACK_TUPLE_ID);
  if (index === -1) compatibility.tuples.push(tuple);
  else compatibility.tuples[index] = { ...compatibility.tuples[index], ...tuple };
  writeDataJson(tree, file, compatibility);
  const named = Object.entries(tuple.consumers).map(([name, version]) => `${name} ${version}`);
  logger.info(`Rollback tuple in ${file}: core ${coreVersion}${named.length ? ` with ${named.join(', ')}` : ' (no consumer declared)'}.`);
  if (!options.skipFormat) await formatFiles(tree);
}
