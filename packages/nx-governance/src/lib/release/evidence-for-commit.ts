import type { CompatRecord } from '../compat/compat-result';
import type { GateEvidence } from '../evidence/gate-record';
import { readGateChain, readLatestGateRecord } from '../evidence/read-gate-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import type { GovernanceSettings } from '../schemas/governance';
import type { GovernanceData } from '../workspace/load-governance';
import { diskFileReader } from '../workspace/file-reader';
import { sameTreeOutside } from '../git/git';
import { readCompatResults } from '../matrix/read-compat-results';

export type EvidenceAtCommit = { ok: true; evidence: GateEvidence | undefined } | { ok: false; errors: string[] };

/**
 * The newest record of a gate for `commit` (from its chain, or its latest
 * copy when there is no chain), every file read through the checked reader: a
 * chain with any file that does not verify gives its errors, never an older record.
 * A record is for the commit it was made at, and for a later one that differs
 * from it only in the evidence folder when it was made on a clean tree (the
 * commit that adds the evidence, and the release tag on it): without this, a
 * release tagged on its evidence commit had no record for rollback-check.
 */
export function gateEvidenceAt(root: string, governance: Pick<GovernanceData, 'settings' | 'settingsFile'>, gate: string, commit: string): EvidenceAtCommit {
  const { settings } = governance;
  const reader = diskFileReader(root);
  const policy = loadSignaturePolicy(reader, governance);
  if (!policy.ok) return { ok: false, errors: policy.errors };
  const latest = readLatestGateRecord(reader, settings, gate, policy.policy);
  const read = [...readGateChain(reader, settings, gate, policy.policy), ...(latest.ok || latest.problem !== 'missing' ? [latest] : [])];
  const errors = read.flatMap((r) => (r.ok ? [] : [`${r.file}: ${r.problem}: ${r.message}`]));
  if (errors.length) return { ok: false, errors };
  const isFor = (made: { commit?: string; dirty: boolean | 'unknown' }) =>
    made.commit === commit || (made.dirty === false && made.commit !== undefined && sameTree(made.commit));
  // One git diff per commit a record was made at, however many records it has.
  const compared = new Map<string, boolean>();
  const sameTree = (made: string) => {
    if (!compared.has(made)) {
      const same = sameTreeOutside(root, made, commit, settings.paths.evidence);
      compared.set(made, same.ok && same.same);
    }
    return compared.get(made) === true;
  };
  const candidates = read.flatMap((r) => (r.ok && isFor(r.value.record.git) ? [r.value] : []));
  return { ok: true, evidence: candidates.sort((a, b) => a.record.finishedAt.localeCompare(b.record.finishedAt)).pop() };
}

/** Each consumer's newest compatibility result against the core as it was at `coreCommit`. */
export function compatResultsAt(root: string, settings: GovernanceSettings, consumers: string[], coreCommit: string): Map<string, CompatRecord> {
  const newest = new Map<string, CompatRecord>();
  for (const { record } of readCompatResults(diskFileReader(root), settings, consumers)) {
    if (record.tuple.core.commit !== coreCommit || record.tuple.core.dirty !== false) continue;
    const current = newest.get(record.consumer);
    if (!current || current.finishedAt < record.finishedAt) newest.set(record.consumer, record);
  }
  return newest;
}

