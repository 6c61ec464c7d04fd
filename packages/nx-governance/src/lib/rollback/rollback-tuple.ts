import type { CompatibilityFile } from '../schemas/compatibility';

export type ReleaseTuple = CompatibilityFile['tuples'][number];

/** The id compatibility.json gives the tuple a release rolls back to. */
export const ROLLBACK_TUPLE_ID = 'rollback';

/**
 * The tuple a release rolls back to: the one named `rollback`. One name, so
 * the release packet, the rollback decision and the readiness check cannot
 * disagree about which tuple it is (any tuple but `current` would let an old
 * or experimental tuple pass for a rollback target).
 */
export function rollbackTuple(compatibility: CompatibilityFile | undefined): ReleaseTuple | undefined {
  return compatibility?.tuples.find((t) => t.id === ROLLBACK_TUPLE_ID);
}
