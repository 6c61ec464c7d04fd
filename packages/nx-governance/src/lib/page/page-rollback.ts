import { rollbackFolder } from '../evidence/evidence-layout';
import { readEvidenceOfKind } from '../evidence/read-evidence';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';

export type TriggerState = 'fired' | 'clear' | 'inconclusive' | 'never checked';

export interface PageRollback {
  /** The newest rollback decision that verifies, when there is one. */
  decision?: { file: string; decidedAt: string; verdict: string; reason: string; candidate: string; baseline: string };
  triggers: Array<{ id: string; kind: string; description?: string; state: TriggerState; reason: string; evidence: string[] }>;
  /** Decision files that do not verify: left out, and said so (verify-evidence names the problem). */
  unverified: string[];
}

/** Each playbook trigger with the state the newest sealed rollback decision gave it. */
export function lastRollbackState(reader: FileReader, data: GovernanceData): PageRollback {
  const loaded = loadSignaturePolicy(reader, data);
  const policy = loaded.ok ? loaded.policy : undefined;
  const playbook = data.playbook?.data;
  const files = reader.list(rollbackFolder(data.settings), '.json');
  const reads = policy ? files.map((file) => readEvidenceOfKind(reader, file, policy, 'nx-governance/rollback-decision')) : [];
  const decisions = reads.flatMap((r) => (r.ok ? [{ file: r.file, value: r.value }] : []));
  const unverified = policy ? reads.flatMap((r) => (r.ok ? [] : [r.file])) : files;
  const newest = decisions.sort((a, b) => a.value.decidedAt.localeCompare(b.value.decidedAt)).pop();
  const triggers = (playbook?.rollbackTriggers ?? []).map((trigger) => {
    const judged = newest?.value.triggers.find((t) => t.id === trigger.id);
    const base = { id: trigger.id, kind: trigger.kind, ...(trigger.description ? { description: trigger.description } : {}) };
    if (!judged) return { ...base, state: 'never checked' as const, reason: newest ? 'the newest decision did not judge this trigger' : 'no rollback-check has run', evidence: [] };
    return { ...base, state: judged.state, reason: judged.reason, evidence: judged.evidence };
  });
  if (!newest) return { triggers, unverified };
  const { value } = newest;
  const decision = { file: newest.file.replace(/\.json$/, '.md'), decidedAt: value.decidedAt, verdict: value.verdict, reason: value.reason, candidate: value.candidate.rev, baseline: value.baseline.rev };
  return { decision, triggers, unverified };
}
