import { type GateJudgement, judgeGateEvidence } from '../evidence/judge-gate-evidence';
import { loadSignaturePolicy, type SignaturePolicySource } from '../evidence/signature-policy';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';

export type { GateJudgement, GateJudgementState as GateState } from '../evidence/judge-gate-evidence';

/**
 * The page's one door to the judgement of gate evidence: `judgeGateEvidence`,
 * as every other reader asks it, once per gate, with one signature policy
 * loaded from the governance in use.
 */
export function judgeGateStates(
  root: string,
  reader: FileReader,
  governance: SignaturePolicySource & { settings: GovernanceSettings },
  gates: readonly string[],
  /** Nx task hashes of the gate targets now; undefined when Nx could not compute them. */
  currentHashes: Readonly<Record<string, string>> | undefined,
): Map<string, GateJudgement> {
  const policy = loadSignaturePolicy(reader, governance);
  const unknownHashWhy = currentHashes ? 'Nx computed no hash for the gate target' : 'Nx could not compute the task hashes of the gates';
  return new Map(
    gates.map((gate) => [gate, judgeGateEvidence({ root, reader, settings: governance.settings, policy, gate, currentTaskHash: currentHashes?.[gate], unknownHashWhy })]),
  );
}
