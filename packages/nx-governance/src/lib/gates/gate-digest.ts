import { canonicalJson, sha256 } from '../evidence/seal-record';
import type { Gate } from '../schemas/gates';

/**
 * The digest of a gate's definition as the loader reads it (whitespace, key
 * order and the file it sits in do not matter). The gate's task hash rests on
 * it instead of on the file that holds the definition, so editing one gate of
 * gates.json re-runs that gate alone; the run compares the definition it reads
 * with the digest Nx hashed, and refuses to run on a difference.
 */
export function gateDefinitionDigest(gate: Gate): string {
  return sha256(canonicalJson(gate));
}
