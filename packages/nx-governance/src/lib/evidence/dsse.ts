import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson, sha256 } from './seal-record';
import type { DsseEnvelope, GateRecord } from './gate-record';

export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

/** The in-toto Statement for a gate record: subject the git commit, predicate a test result. */
export function gateStatement(record: GateRecord, digest: string): object {
  const passedTests = record.result === 'pass' ? [record.gate] : [];
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'git-commit', digest: { gitCommit: record.git.commit ?? 'unknown' } }],
    predicateType: 'https://in-toto.io/attestation/test-result/v0.1',
    predicate: {
      result: record.result === 'pass' ? 'PASSED' : record.result === 'fail' || record.result === 'interrupted' ? 'FAILED' : 'WARNED',
      configuration: [{ name: `governance/gates.json#${record.gate}` }],
      passedTests,
      failedTests: record.result === 'fail' || record.result === 'interrupted' ? [record.gate] : [],
      warnedTests: record.result === 'blocked' || record.result === 'pending' ? [record.gate] : [],
      governanceRecordDigest: digest,
    },
  };
}

/** DSSE's pre-authentication encoding: what a signature covers. */
export function preAuthenticationEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${payload.length} `), payload]);
}

export function keyId(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return sha256(publicKey.export({ type: 'spki', format: 'der' }));
}

/** An envelope around the statement, signed with Ed25519 when a key is given. */
export function envelopeFor(statement: object, signingKeyPem?: string): DsseEnvelope {
  const payload = Buffer.from(canonicalJson(statement), 'utf8');
  const signatures: DsseEnvelope['signatures'] = [];
  if (signingKeyPem) {
    const key = createPrivateKey(signingKeyPem);
    const sig = sign(null, preAuthenticationEncoding(IN_TOTO_PAYLOAD_TYPE, payload), key).toString('base64');
    signatures.push({ keyid: keyId(key), sig });
  }
  return { payloadType: IN_TOTO_PAYLOAD_TYPE, payload: payload.toString('base64'), signatures };
}

/** Key ids of the signatures that verify against one of `publicKeys`. */
export function verifiedSignatures(envelope: DsseEnvelope, publicKeys: KeyObject[]): string[] {
  const pae = preAuthenticationEncoding(envelope.payloadType, Buffer.from(envelope.payload, 'base64'));
  const byId = new Map(publicKeys.map((key) => [keyId(key), key]));
  return envelope.signatures
    .filter((s) => {
      const key = byId.get(s.keyid);
      return !!key && verify(null, pae, key, Buffer.from(s.sig, 'base64'));
    })
    .map((s) => s.keyid);
}
