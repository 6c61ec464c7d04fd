import { createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/** A signing key ready to use, or why it cannot be: read before a gate runs, so a bad key never costs a run's result. */
export type SigningKeyResult = { pem: string; error?: undefined } | { pem?: undefined; error: string };

/** The environment variable that names the key records are signed with. */
export const SIGNING_KEY_ENV = 'GOVERNANCE_SIGNING_KEY';

/**
 * Reads the PEM private key at `path` (named by the environment variable
 * `source`) and accepts only Ed25519, the algorithm evidence is signed and
 * verified with: an RSA or ECDSA key is refused by name, not used.
 */
export function readSigningKey(path: string, source = SIGNING_KEY_ENV): SigningKeyResult {
  if (!existsSync(path)) return { error: `${source} names ${path}, which does not exist; expected an Ed25519 private key in PEM` };
  const pem = readFileSync(path, 'utf8');
  let type: string | undefined;
  try {
    type = createPrivateKey(pem).asymmetricKeyType;
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return { error: `${source}: ${path}: found no private key it can read (${reason}), expected an Ed25519 private key in PEM` };
  }
  if (type !== 'ed25519') return { error: `${source}: ${path}: expected an Ed25519 private key, found ${type ?? 'a key of unknown type'}` };
  return { pem };
}
