import type { FileReader } from '../workspace/file-reader';
import { loadSignaturePolicy, type SignaturePolicy, type SignaturePolicySource, signingKeyRefusal } from './signature-policy';
import { readSigningKey, SIGNING_KEY_ENV } from './signing-key';

/** The key records will be signed with (none when unsigned records are accepted), or why no record may be written. */
export type UsableSigningKey = { ok: true; pem?: string; policy: SignaturePolicy } | { ok: false; error: string };

/**
 * What every writer of gate records (run-gate, attest, the post-run hook) asks
 * before it runs anything: the key GOVERNANCE_SIGNING_KEY names, read, and
 * accepted by the signature policy of the governance in use. A key no trusted
 * key matches (both fingerprints named), or no key where signatures are
 * required, is refused, so a record the readers would reject is never made.
 */
export function usableSigningKey(reader: FileReader, governance: SignaturePolicySource, env: NodeJS.ProcessEnv = process.env): UsableSigningKey {
  const path = env[SIGNING_KEY_ENV];
  const key: { pem?: string; error?: string } = path ? readSigningKey(path) : {};
  if (key.error !== undefined) return { ok: false, error: key.error };
  const loaded = loadSignaturePolicy(reader, governance);
  if (!loaded.ok) return { ok: false, error: loaded.errors.join('\n') };
  const refusal = signingKeyRefusal(loaded.policy, key.pem);
  return refusal ? { ok: false, error: refusal } : { ok: true, pem: key.pem, policy: loaded.policy };
}
