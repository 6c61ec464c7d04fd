import type { TestCounts } from '../process/test-counts';
import type { CriterionResult } from '../gates/pass-criteria';

export const GATE_RESULTS = ['pass', 'fail', 'blocked', 'pending', 'interrupted'] as const;
export type GateResult = (typeof GATE_RESULTS)[number];

export interface StepRecord {
  label: string;
  target?: string;
  argv?: string[];
  cwd?: string;
  exitCode?: number | null;
  signal?: string | null;
  timedOut?: boolean;
  durationMs: number;
  outputSha256?: string;
  outputBytes?: number;
  truncated?: boolean;
  log?: string;
  tail?: string[];
  note?: string;
}

export interface ChecklistAnswer {
  item: string;
  answer: 'yes' | 'no';
  note: string;
}

/** What a gate run establishes; sealed by its digest and chained to the gate's previous record. */
export interface GateRecord {
  gate: string;
  title: string;
  kind: 'command' | 'manual';
  enforcement: 'blocking' | 'advisory';
  owner: string;
  task?: string;
  milestone?: string;
  releaseClass?: string;
  result: GateResult;
  notes: string[];
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  git: { commit?: string; branch?: string; dirty: boolean; consumers: Record<string, string> };
  tools: { node: string; nx?: string; plugin?: string; steps: Record<string, string> };
  steps: StepRecord[];
  criteria: CriterionResult[];
  tests?: TestCounts;
  checklist?: ChecklistAnswer[];
  attestation?: { by: string; at: string; fingerprint: string; file: string; digest: string };
  /** The Nx task hash of the gate target, to tell later whether the evidence is still current. */
  taskHash?: string;
  sequence: number;
  previousDigest: string | null;
}

export interface DsseEnvelope {
  payloadType: string;
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

export interface GateEvidence {
  kind: 'nx-governance/gate-evidence';
  formatVersion: 1;
  record: GateRecord;
  /** sha256 of the record's canonical JSON. */
  digest: string;
  /** The record as an in-toto Statement (test-result predicate) in a DSSE envelope. */
  envelope: DsseEnvelope;
}
