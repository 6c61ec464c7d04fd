import type { z } from 'zod';
import type { envelopeSchema, gateEvidenceSchema, gateRecordSchema } from './evidence-schemas';

export { GATE_RESULTS, type GateResult } from './record-vocabulary';

/**
 * A gate's record and its sealed evidence, as the schemas in evidence-schemas.ts
 * define them: the types are derived (`z.output`), so what is written and what
 * is read cannot drift apart.
 */
export type GateRecord = z.output<typeof gateRecordSchema>;
/** One step of a gate: an Nx target run before the gate, or a command with what its process did. */
export type StepRecord = GateRecord['steps'][number];
export type ChecklistAnswer = NonNullable<GateRecord['checklist']>[number];
export type DsseEnvelope = z.output<typeof envelopeSchema>;
export type GateEvidence = z.output<typeof gateEvidenceSchema>;
