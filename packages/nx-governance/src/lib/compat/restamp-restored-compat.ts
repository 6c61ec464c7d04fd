import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import type { ResolvedCore } from '../consumers/resolve-core';
import { readCompatResults } from '../matrix/read-compat-results';
import type { GovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import type { CompatRecord, CompatTuple } from './compat-result';
import { readLatestCompatResult, writeCompatResult, writeLatestCompatResult } from './compat-store';
import { readTuple } from './run-compat';

export interface RestampInput {
  root: string;
  settings: GovernanceSettings;
  core: ResolvedCore;
  consumer: ResolvedConsumer;
}

/**
 * Nx restored a consumer's latest result from its cache: every input of the compat task (the
 * consumer's files, the core's build or sources) hashes as it did when the result was made, so the
 * outcome holds for the core as it is now. But the record names the commits, and the uncommitted
 * changes, of the run that made it (after `nx release version`, the bump before it was committed),
 * and readers ask "a result against this core commit?". So the result is written again naming the
 * core and consumer as they are now, and the run it came from (`restoredFrom`). A result that
 * already names them is left alone; when Nx restores the same result again, the re-stamp already in
 * the history becomes `latest` again instead of another record.
 */
export function restampRestoredCompat(input: RestampInput): { restamped: false } | { restamped: true; record: CompatRecord } {
  const { root, settings, consumer } = input;
  const restored = readLatestCompatResult(root, settings, consumer.name);
  // Nothing that verifies to re-stamp: readers already find no result, which is what they should find.
  if (!restored) return { restamped: false };
  const now = readTuple(input, undefined);
  if (sameCommits(restored.tuple, now)) return { restamped: false };
  const origin = restored.restoredFrom ?? { digest: restored.digest, finishedAt: restored.finishedAt, ...(restored.tuple.core.commit ? { coreCommit: restored.tuple.core.commit } : {}), coreDirty: restored.tuple.core.dirty };
  const earlier = readCompatResults(diskFileReader(root), settings, [consumer.name])
    .map((r) => r.record)
    .find((r) => r.restoredFrom?.digest === origin.digest && sameCommits(r.tuple, now));
  if (earlier) {
    writeLatestCompatResult(root, settings, earlier);
    return { restamped: true, record: earlier };
  }
  const { digest: _digest, ...unsealed } = restored;
  const stamp = new Date().toISOString();
  const record = writeCompatResult(root, settings, {
    ...unsealed,
    // The schema version is a property of the artifact, which the equal hash says is unchanged.
    tuple: { ...now, ...(restored.tuple.schemaVersion ? { schemaVersion: restored.tuple.schemaVersion } : {}) },
    restoredFrom: origin,
    startedAt: stamp,
    finishedAt: stamp,
  });
  return { restamped: true, record };
}

function sameCommits(a: CompatTuple, b: CompatTuple): boolean {
  return a.core.commit === b.core.commit && a.core.dirty === b.core.dirty && a.consumer.commit === b.consumer.commit && a.consumer.dirty === b.consumer.dirty && a.core.version === b.core.version;
}
