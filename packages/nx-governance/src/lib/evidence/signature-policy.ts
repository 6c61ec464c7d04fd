import { createPublicKey, type KeyObject } from 'node:crypto';
import { posix } from 'node:path';
import type { FileReader } from '../workspace/file-reader';
import { DEFAULT_SETTINGS_FILE } from '../workspace/load-governance';

/**
 * What a gate record's signatures must satisfy. With a public key committed in
 * `governance/keys/` (or `requireSignatures` in governance.json) every record
 * must carry a signature that verifies; without either, records are unsigned
 * and only their digests and chain are checked.
 */
export interface SignaturePolicy {
  publicKeys: KeyObject[];
  required: boolean;
  /** Workspace-relative folder the keys were read from, for messages. */
  keysFolder: string;
  /** Only for extending a chain: a record's place in it rests on its digest, whoever signed it. */
  ignoreSignatures?: boolean;
}

export type SignaturePolicyResult = { ok: true; policy: SignaturePolicy } | { ok: false; errors: string[] };

/** `governance/keys` beside the settings file. */
export function keysFolderOf(settingsFile: string): string {
  return posix.join(posix.dirname(settingsFile), 'keys');
}

/** Reads every `*.pem` in the keys folder; a file that is not an Ed25519 public key is an error naming the file. */
export function loadSignaturePolicy(reader: FileReader, requireSignatures: boolean | undefined, settingsFile = DEFAULT_SETTINGS_FILE): SignaturePolicyResult {
  const keysFolder = keysFolderOf(settingsFile);
  const publicKeys: KeyObject[] = [];
  const errors: string[] = [];
  for (const file of reader.list(keysFolder, '.pem')) {
    let key: KeyObject;
    const pem = reader.read(file) ?? '';
    // createPublicKey derives a public key from a private one: a private key committed here is a leak, not a key to trust.
    if (pem.includes('PRIVATE KEY')) {
      errors.push(`${file}: found a private key, expected an Ed25519 public key (commit only the public half)`);
      continue;
    }
    try {
      key = createPublicKey(pem);
    } catch (error) {
      errors.push(`${file}: found no readable PEM public key (${(error as Error).message.split('\n')[0]}), expected an Ed25519 public key`);
      continue;
    }
    if (key.asymmetricKeyType !== 'ed25519') errors.push(`${file}: found a ${key.asymmetricKeyType ?? 'unknown'} key, expected an Ed25519 public key`);
    else publicKeys.push(key);
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, policy: { publicKeys, required: publicKeys.length > 0 || requireSignatures === true, keysFolder } };
}
