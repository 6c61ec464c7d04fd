import type { GateEvidence } from '../evidence/gate-record';
import { gateEvidenceFolder } from '../evidence/gate-store';
import { readLatestGateRecord, signaturePolicyOf } from '../evidence/read-gate-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';

export const GATE_STATES = ['pass', 'fail', 'stale', 'untrusted', 'pending', 'blocked', 'missing', 'unknown'] as const;
export type GateState = (typeof GATE_STATES)[number];

export interface GateJudgement {
  state: GateState;
  reason: string;
  /** The command that would change the state, where one would. */
  fix?: string;
  evidence?: GateEvidence;
}

/**
 * The page's one door to the judgement of gate evidence. ADAPTER: it stands
 * in for `judgeGateEvidence` (lib/evidence/judge-gate-evidence.ts, issue 18)
 * until that lands, and is then switched to call it, so the page never judges
 * evidence its own way.
 */
export function judgeGateStates(
  reader: FileReader,
  settings: GovernanceSettings,
  project: string,
  gates: readonly string[],
  /** Nx task hashes of the gate targets now; undefined when Nx could not compute them. */
  currentHashes: Readonly<Record<string, string>> | undefined,
): Map<string, GateJudgement> {
  const policy = signaturePolicyOf(reader, settings);
  return new Map(gates.map((gate) => [gate, judgeOne(reader, settings, project, gate, policy, currentHashes)]));
}

function judgeOne(
  reader: FileReader,
  settings: GovernanceSettings,
  project: string,
  gate: string,
  policy: ReturnType<typeof signaturePolicyOf>,
  currentHashes: Readonly<Record<string, string>> | undefined,
): GateJudgement {
  const run = `nx run ${project}:${gate}`;
  if (!policy) return { state: 'untrusted', reason: 'a key file in the keys folder is broken, so no record can be trusted', fix: `nx run ${project}:verify-evidence` };
  const read = readLatestGateRecord(reader, settings, gate, policy);
  if (!read.ok) {
    if (read.problem === 'missing') return { state: 'missing', reason: 'no evidence yet', fix: run };
    return { state: 'untrusted', reason: `${read.file}: ${read.message}`, fix: `nx run ${project}:verify-evidence` };
  }
  const evidence = read.value;
  const { record } = evidence;
  if (record.result === 'blocked') return { state: 'blocked', reason: record.notes.join('; ') || 'a tool the gate needs is missing', evidence };
  if (record.result === 'pending') return { state: 'pending', reason: record.notes.join('; ') || 'waiting for an attestation', fix: `nx run ${project}:attest --gate=${gate}`, evidence };
  if (record.result === 'interrupted') return { state: 'unknown', reason: 'the last run was interrupted before it finished', fix: run, evidence };
  const now = currentHashes?.[gate];
  if (now === undefined) return { state: 'unknown', reason: 'Nx could not compute the gate task hash, so whether the evidence is current is unknown', evidence };
  if (record.taskHash !== now) return { state: 'stale', reason: `the ${record.result} from ${record.finishedAt.slice(0, 10)} is stale: the gate's inputs changed since`, fix: run, evidence };
  return { state: record.result, reason: record.notes.join('; ') || record.result, ...(record.result === 'fail' ? { fix: run } : {}), evidence };
}

/** Where a gate's latest evidence is, as a reviewer opens it. */
export const gateEvidenceFile = (settings: GovernanceSettings, gate: string): string => `${gateEvidenceFolder(settings, gate)}/latest.md`;
