import type { CompatRecord } from '../compat/compat-result';
import type { GateEvidence } from '../evidence/gate-record';
import { readGateChain, readLatestGateRecord } from '../evidence/read-gate-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import type { GovernanceSettings } from '../schemas/governance';
import type { GovernanceData } from '../workspace/load-governance';
import { diskFileReader } from '../workspace/file-reader';
import { readCompatResults } from '../matrix/read-compat-results';

export type EvidenceAtCommit = { ok: true; evidence: GateEvidence | undefined } | { ok: false; errors: string[] };

/**
 * The newest record of a gate made at `commit` (from its chain, or its latest
 * copy when there is no chain), every file read through the checked reader: a
 * chain with any file that does not verify gives its errors, never an older record.
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
  const candidates = read.flatMap((r) => (r.ok && r.value.record.git.commit === commit ? [r.value] : []));
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

