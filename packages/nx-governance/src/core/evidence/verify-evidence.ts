import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { KeyObject } from 'node:crypto';
import { join, relative } from 'node:path';
import fg from 'fast-glob';
import { commitExists } from '../git/git';
import type { GovernanceSettings } from '../schemas/governance';
import { verifiedSignatures } from './dsse';
import type { GateEvidence } from './gate-record';
import { gateEvidenceFolder, listChainFiles } from './gate-store';
import { canonicalJson, hasValidDigest, sha256 } from './seal-record';

export type EvidenceProblemKind = 'tampered' | 'broken-chain' | 'bad-signature' | 'unknown-commit' | 'stale';

export interface EvidenceProblem {
  file: string;
  kind: EvidenceProblemKind;
  message: string;
}

export interface VerifyOptions {
  publicKeys: KeyObject[];
  /** The Nx task hash of each gate target now; a gate's latest evidence with another hash is stale. */
  currentHashes?: Record<string, string>;
}

export interface VerifyReport {
  checked: number;
  problems: EvidenceProblem[];
}

/**
 * Checks every evidence file under the evidence folder: each gate record's
 * digest, envelope and signatures, that its commit exists, that each gate's
 * chain is complete and in order, that `latest` is the chain's newest record
 * and is current; compatibility results and attestations by their digest.
 */
export function verifyEvidence(root: string, settings: GovernanceSettings, options: VerifyOptions): VerifyReport {
  const problems: EvidenceProblem[] = [];
  const evidenceRoot = join(root, settings.paths.evidence);
  if (!existsSync(evidenceRoot)) return { checked: 0, problems };
  const files = fg.sync('**/*.json', { cwd: evidenceRoot, onlyFiles: true, dot: false }).sort();
  const report = (file: string, kind: EvidenceProblemKind, message: string) => problems.push({ file: relative(root, file), kind, message });

  for (const name of files) {
    const file = join(evidenceRoot, name);
    let content: Record<string, unknown>;
    try {
      content = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      report(file, 'tampered', 'not valid JSON');
      continue;
    }
    if (content.kind === 'nx-governance/gate-evidence') checkGateEvidence(root, file, content as unknown as GateEvidence, options, report);
    else if (content.kind === 'nx-governance/compat-result' || content.kind === 'nx-governance/attestation') {
      if (!hasValidDigest(content)) report(file, 'tampered', 'the digest does not match the content');
    }
  }
  for (const gate of gateFolders(evidenceRoot)) checkChain(root, settings, gate, options, report);
  return { checked: files.length, problems };
}

type Report = (file: string, kind: EvidenceProblemKind, message: string) => void;

function checkGateEvidence(root: string, file: string, evidence: GateEvidence, options: VerifyOptions, report: Report): void {
  const { record, digest, envelope } = evidence;
  if (!record || !envelope || sha256(canonicalJson(record)) !== digest) {
    report(file, 'tampered', 'the record does not match its sha256 digest');
    return;
  }
  let statement: { subject?: Array<{ digest?: { gitCommit?: string } }>; predicate?: { governanceRecordDigest?: string } };
  try {
    statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
  } catch {
    report(file, 'tampered', 'the DSSE payload is not a JSON statement');
    return;
  }
  if (statement.predicate?.governanceRecordDigest !== digest || statement.subject?.[0]?.digest?.gitCommit !== (record.git.commit ?? 'unknown')) {
    report(file, 'tampered', 'the signed statement does not describe this record');
  }
  if (envelope.signatures.length) {
    const verified = verifiedSignatures(envelope, options.publicKeys);
    if (verified.length !== envelope.signatures.length) {
      report(file, 'bad-signature', `${envelope.signatures.length - verified.length} of ${envelope.signatures.length} signature(s) do not verify against the keys in governance/keys/`);
    }
  }
  if (record.git.commit && !commitExists(root, record.git.commit)) {
    report(file, 'unknown-commit', `commit ${record.git.commit} is not in this repository's history`);
  }
}

function gateFolders(evidenceRoot: string): string[] {
  const dir = join(evidenceRoot, 'gates');
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

function checkChain(root: string, settings: GovernanceSettings, gate: string, options: VerifyOptions, report: Report): void {
  const chain = listChainFiles(root, settings, gate);
  const readable = chain.map((file) => {
    try {
      return { file, evidence: JSON.parse(readFileSync(file, 'utf8')) as GateEvidence };
    } catch {
      return { file, evidence: undefined };
    }
  });
  let previous: GateEvidence | undefined;
  readable.forEach(({ file, evidence }, index) => {
    if (!evidence?.record) {
      previous = undefined;
      return;
    }
    const expectedSequence = index + 1;
    const expectedName = `${String(evidence.record.sequence).padStart(6, '0')}-${gate}.json`;
    if (evidence.record.sequence !== expectedSequence || !file.endsWith(expectedName)) {
      report(file, 'broken-chain', `record ${evidence.record.sequence} stands at position ${expectedSequence} of the chain (a record is missing, moved or swapped)`);
    }
    const expectedPrevious = index === 0 ? null : (previous?.digest ?? 'unreadable');
    if (evidence.record.previousDigest !== expectedPrevious) {
      report(file, 'broken-chain', `previous digest ${evidence.record.previousDigest ?? 'none'} does not match the record before it (${expectedPrevious ?? 'none'})`);
    }
    previous = evidence;
  });

  const latestFile = join(root, gateEvidenceFolder(settings, gate), 'latest.json');
  if (!existsSync(latestFile)) return;
  let latest: GateEvidence;
  try {
    latest = JSON.parse(readFileSync(latestFile, 'utf8'));
  } catch {
    return;
  }
  // A run killed between writing its record and its latest copy leaves latest one record behind: still evidence of the chain.
  if (readable.length && !readable.some(({ evidence }) => evidence?.digest === latest.digest)) {
    report(latestFile, 'broken-chain', 'latest is a copy of no record in the chain');
  }
  const current = options.currentHashes?.[gate];
  if (current && latest.record?.taskHash !== current) {
    report(latestFile, 'stale', `recorded for Nx task hash ${latest.record?.taskHash ?? '(none)'}, but the gate's inputs now hash to ${current}: run the gate again`);
  }
}
