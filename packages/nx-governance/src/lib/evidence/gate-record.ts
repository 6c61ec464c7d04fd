import type { ProcessFacts } from '../process/run-process';
import type { TestCounts } from '../process/test-counts';
import type { CriterionResult } from '../gates/pass-criteria';
import type { ProducedBy } from './produced-by';

export const GATE_RESULTS = ['pass', 'fail', 'blocked', 'pending', 'interrupted'] as const;
export type GateResult = (typeof GATE_RESULTS)[number];

/** One step of a gate: an Nx target run before the gate, or a command with what its process did. */
export interface StepRecord extends Partial<Omit<ProcessFacts, 'durationMs'>> {
  label: string;
  target?: string;
  argv?: string[];
  cwd?: string;
  durationMs: number;
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
  git: { commit?: string; branch?: string; dirty: boolean | 'unknown'; consumers: Record<string, string> };
  tools: { node: string; nx?: string; plugin?: string; steps: Record<string, string> };
  /** Where the record was made, so that one restored from a cache says so. Absent in records made before it existed. */
  producedBy?: ProducedBy;
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
