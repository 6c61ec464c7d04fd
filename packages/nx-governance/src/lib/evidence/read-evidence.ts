import type { z } from 'zod';
import type { FileReader } from '../workspace/file-reader';
import { verifiedSignatures } from './dsse';
import { EVIDENCE_SCHEMAS, type EvidenceKind } from './evidence-schemas';
import { canonicalJson, hasValidDigest, sha256 } from './seal-record';
import { keyFingerprint, type SignaturePolicy } from './signature-policy';

export type EvidenceProblemKind = 'missing' | 'unreadable' | 'unknown-kind' | 'schema' | 'tampered' | 'unsigned' | 'bad-signature' | 'misplaced';

export interface EvidenceFailure {
  ok: false;
  file: string;
  problem: EvidenceProblemKind;
  message: string;
}

type Parsed = { [K in EvidenceKind]: { ok: true; file: string; kind: K; value: z.output<(typeof EVIDENCE_SCHEMAS)[K]> } };
export type ParsedEvidence<K extends EvidenceKind = EvidenceKind> = Parsed[K];
export type EvidenceResult<K extends EvidenceKind = EvidenceKind> = ParsedEvidence<K> | EvidenceFailure;

/**
 * For what carries no signature (compat results, attestations, anchors) and for a chain's links: schema and digest only.
 * A gate record's signature is judged on the record a reader relies on (`judgeGateEvidence`).
 */
export const DIGEST_ONLY: SignaturePolicy = { publicKeys: [], required: false, keysFolder: '', ignoreSignatures: true };

const fail = (file: string, problem: EvidenceProblemKind, message: string): EvidenceFailure => ({ ok: false, file, problem, message });

function isKind(kind: unknown): kind is EvidenceKind {
  return typeof kind === 'string' && Object.hasOwn(EVIDENCE_SCHEMAS, kind);
}

/**
 * The one way evidence is read: JSON, the schema of its `kind` (any other kind
 * is an error), its digest, and for gate records the signed statement and the
 * signature policy. Callers branch on `ok`; nothing unchecked gets through.
 */
export function parseEvidence(file: string, text: string, policy: SignaturePolicy): EvidenceResult {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return fail(file, 'unreadable', `found text that is not JSON (${(error as Error).message}), expected an evidence file`);
  }
  const kind = (content as { kind?: unknown } | null)?.kind;
  if (!isKind(kind)) return fail(file, 'unknown-kind', `kind: found ${JSON.stringify(kind)}, expected one of ${Object.keys(EVIDENCE_SCHEMAS).join(', ')}`);
  // The digest first: a changed field is tampering, whatever else the schema would say about it.
  if (!hasRawDigest(kind, content as Record<string, unknown>)) return fail(file, 'tampered', 'the record does not match its sha256 digest');
  const parsed = EVIDENCE_SCHEMAS[kind].safeParse(content);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(file, 'schema', `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const result = { ok: true, file, kind, value: parsed.data } as ParsedEvidence;
  return checkSeal(result, policy) ?? result;
}

/** The evidence file at a workspace-relative path, read through `reader`. */
export function readEvidence(reader: FileReader, file: string, policy: SignaturePolicy): EvidenceResult {
  const text = reader.read(file);
  return text === undefined ? fail(file, 'missing', 'found no file, expected an evidence file') : parseEvidence(file, text, policy);
}

/** As `readEvidence`, and the file must be of `kind`. */
export function readEvidenceOfKind<K extends EvidenceKind>(reader: FileReader, file: string, policy: SignaturePolicy, kind: K): EvidenceResult<K> {
  const result = readEvidence(reader, file, policy);
  if (!result.ok) return result;
  if (result.kind !== kind) return fail(file, 'unknown-kind', `kind: found ${result.kind}, expected ${kind}`);
  return result as ParsedEvidence<K>;
}

function checkSeal(evidence: ParsedEvidence, policy: SignaturePolicy): EvidenceFailure | undefined {
  const { file } = evidence;
  if (evidence.kind !== 'nx-governance/gate-evidence' && evidence.kind !== 'nx-governance/task-evidence') {
    return undefined;
  }
  const { record, digest, envelope } = evidence.value;
  if (evidence.kind === 'nx-governance/task-evidence' && evidence.value.contextDigest !== taskContextDigest(evidence.value.context, digest)) {
    return fail(file, 'tampered', 'contextDigest: the task context does not match its sha256 digest');
  }
  let statement: { subject?: Array<{ digest?: { gitCommit?: string } }>; predicate?: { governanceRecordDigest?: string } } | undefined;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  } catch {
    return fail(file, 'tampered', 'envelope.payload: found no JSON statement, expected the in-toto statement of this record');
  }
  if (statement?.predicate?.governanceRecordDigest !== digest || statement?.subject?.[0]?.digest?.gitCommit !== (record.git.commit ?? 'unknown')) {
    return fail(file, 'tampered', 'envelope: the signed statement does not describe this record');
  }
  if (policy.ignoreSignatures) return undefined;
  const verified = verifiedSignatures(envelope, policy.publicKeys);
  if (verified.length !== envelope.signatures.length) {
    const unverified = envelope.signatures.filter((s) => !verified.includes(s.keyid)).map((s) => keyFingerprint(s.keyid));
    const trusted = policy.publicKeys.map((key) => keyFingerprint(key)).join(', ') || 'none';
    return fail(file, 'bad-signature', `${unverified.length} of ${envelope.signatures.length} signature(s) do not verify against the keys in ${policy.keysFolder}/: signed by key ${unverified.join(', ')}, trusted: ${trusted}`);
  }
  if (policy.required && verified.length === 0) {
    return fail(file, 'unsigned', `found no signature, expected one that verifies against the keys in ${policy.keysFolder}/ (signatures are required)`);
  }
  return undefined;
}

/** Seals which task a copy of a gate's evidence is for together with the record it copies. */
export function taskContextDigest(context: object, recordDigest: string): string {
  return sha256(canonicalJson({ context, recordDigest }));
}

function hasRawDigest(kind: EvidenceKind, content: Record<string, unknown>): boolean {
  if (kind === 'nx-governance/gate-evidence' || kind === 'nx-governance/task-evidence') {
    return typeof content.digest === 'string' && content.digest === sha256(canonicalJson(content.record ?? null));
  }
  return hasValidDigest(content);
}
