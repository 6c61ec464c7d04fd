import { createPublicKey, type KeyObject } from 'node:crypto';
import { posix } from 'node:path';
import type { FileReader } from '../workspace/file-reader';
import { keyId } from './dsse';
import { SIGNING_KEY_ENV } from './signing-key';

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

/** Which governance is in use: its settings file (the keys sit beside it) and whether it requires signatures. */
export interface SignaturePolicySource {
  settingsFile: string;
  settings: { requireSignatures?: boolean };
}

/** `<folder of the settings file>/keys`: `governance/keys`, or `ops/keys` for `ops/governance.json`. */
export function keysFolderOf(settingsFile: string): string {
  return posix.join(posix.dirname(settingsFile), 'keys');
}

/**
 * The one loader of the signature policy: every `*.pem` in the keys folder
 * beside the settings file in use; a file that is not an Ed25519 public key
 * is an error naming the file. Every reader and writer of evidence calls it
 * with the governance it loaded, so none looks in another folder.
 */
export function loadSignaturePolicy(reader: FileReader, governance: SignaturePolicySource): SignaturePolicyResult {
  const requireSignatures = governance.settings.requireSignatures;
  const keysFolder = keysFolderOf(governance.settingsFile);
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

/** A key's fingerprint as messages show it: the start of its DSSE key id (sha256 of the public key). */
export function keyFingerprint(key: KeyObject | string): string {
  return (typeof key === 'string' ? key : keyId(key)).slice(0, 16);
}

/**
 * Why records signed with `signingKeyPem` (or unsigned, without one) would be
 * rejected by `policy`, or undefined when they would be accepted. Writers ask
 * before running anything, so a record the readers would refuse is never made,
 * cached or uploaded.
 */
export function signingKeyRefusal(policy: SignaturePolicy, signingKeyPem: string | undefined): string | undefined {
  if (!signingKeyPem) {
    if (!policy.required) return undefined;
    const why = policy.publicKeys.length ? `${policy.keysFolder}/ holds ${policy.publicKeys.length} trusted key(s)` : 'requireSignatures is on';
    return `records must be signed (${why}), and ${SIGNING_KEY_ENV} names no key; set it to the Ed25519 private key whose public half is in ${policy.keysFolder}/`;
  }
  const signing = keyFingerprint(createPublicKey(signingKeyPem));
  const trusted = policy.publicKeys.map((key) => keyFingerprint(key));
  if (trusted.includes(signing)) return undefined;
  if (!trusted.length) {
    return `${SIGNING_KEY_ENV} signs with key ${signing}, but ${policy.keysFolder}/ holds no trusted key: commit its public half there, or unset ${SIGNING_KEY_ENV}`;
  }
  return `${SIGNING_KEY_ENV} signs with key ${signing}, which matches no trusted key in ${policy.keysFolder}/ (${trusted.join(', ')}): records it signs would be rejected; use the private key of a trusted one, or commit this key's public half`;
}
