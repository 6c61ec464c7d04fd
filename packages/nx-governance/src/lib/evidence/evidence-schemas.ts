import { z } from 'zod';
import { COMPAT_OUTCOMES, COMPAT_RESULTS, GATE_RESULTS } from './record-vocabulary';

/**
 * The shape of every evidence file, one strict schema per `kind`. An evidence
 * file is read only through `parseEvidence`, which picks the schema by `kind`
 * and refuses any other: a renamed kind can never skip the checks.
 */
const sha = z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected a sha256 in hex' });
const text = z.string();
const counts = z.strictObject({ passed: z.number(), failed: z.number(), skipped: z.number(), flaky: z.number().optional(), source: text });
const processFacts = {
  exitCode: z.number().nullable().optional(),
  signal: z.string().nullable().optional(),
  timedOut: z.boolean().optional(),
  outputSha256: text.optional(),
  outputBytes: z.number().optional(),
  truncated: z.boolean().optional(),
  tail: z.array(text).optional(),
  log: text.optional(),
  leftRunning: z.number().int().optional(),
};
const checklistAnswer = z.strictObject({ item: text, answer: z.enum(['yes', 'no']), note: text });

export const gateRecordSchema = z.strictObject({
  gate: text,
  title: text,
  kind: z.enum(['command', 'manual']),
  enforcement: z.enum(['blocking', 'advisory']),
  owner: text,
  task: text.optional(),
  milestone: text.optional(),
  releaseClass: text.optional(),
  result: z.enum(GATE_RESULTS),
  notes: z.array(text),
  startedAt: text,
  finishedAt: text,
  durationMs: z.number(),
  git: z.strictObject({
    commit: text.optional(),
    branch: text.optional(),
    dirty: z.union([z.boolean(), z.literal('unknown')]),
    consumers: z.record(text, text),
  }),
  tools: z.strictObject({ node: text, nx: text.optional(), plugin: text.optional(), steps: z.record(text, text) }),
  producedBy: z.strictObject({ host: text, checkout: text, runnerPid: z.number() }).optional(),
  steps: z.array(z.strictObject({ label: text, target: text.optional(), argv: z.array(text).optional(), cwd: text.optional(), durationMs: z.number(), note: text.optional(), ...processFacts })),
  criteria: z.array(z.strictObject({ name: text, passed: z.boolean(), detail: text, value: z.number().optional() })),
  tests: counts.optional(),
  checklist: z.array(checklistAnswer).optional(),
  attestation: z.strictObject({ by: text, at: text, fingerprint: text, file: text, digest: text }).optional(),
  taskHash: text.optional(),
  sequence: z.number().int().min(1),
  previousDigest: sha.nullable(),
});

export const envelopeSchema = z.strictObject({
  payloadType: text,
  payload: text,
  signatures: z.array(z.strictObject({ keyid: text, sig: text })),
});

const gateEvidenceShape = {
  kind: z.literal('nx-governance/gate-evidence'),
  formatVersion: z.literal(1),
  record: gateRecordSchema,
  digest: sha,
  envelope: envelopeSchema,
};

export const gateEvidenceSchema = z.strictObject(gateEvidenceShape);

/** Which task a copy of a gate's evidence is for; sealed by `contextDigest` with the record's digest. */
export const taskContextSchema = z.strictObject({ date: text, task: text, milestone: text, releaseClass: text.optional() });

export const taskCopySchema = z.strictObject({
  ...gateEvidenceShape,
  kind: z.literal('nx-governance/task-evidence'),
  context: taskContextSchema,
  contextDigest: sha,
});

export const attestationSchema = z.strictObject({
  kind: z.literal('nx-governance/attestation'),
  gate: text,
  task: text.optional(),
  fingerprint: text,
  by: text,
  at: text,
  answers: z.array(checklistAnswer),
  digest: sha,
});

// `unknown` when git could not say whether the folder has uncommitted changes.
const tupleSide = { version: text.optional(), commit: text.optional(), dirty: z.union([z.boolean(), z.literal('unknown')]) };

export const compatResultSchema = z.strictObject({
  kind: z.literal('nx-governance/compat-result'),
  formatVersion: z.literal(1),
  consumer: text,
  project: text,
  tuple: z.strictObject({ core: z.strictObject({ project: text, ...tupleSide }), consumer: z.strictObject({ name: text, ...tupleSide }), schemaVersion: text.optional() }),
  result: z.enum(COMPAT_RESULTS),
  outcome: z.enum(COMPAT_OUTCOMES),
  reason: text,
  previous: z.strictObject({ result: z.enum(COMPAT_RESULTS), finishedAt: text, digest: text }).optional(),
  tests: counts.optional(),
  command: z.strictObject({ argv: z.array(text), cwd: text, env: z.array(text) }).optional(),
  durationMs: z.number(),
  restoredFrom: z.strictObject({ digest: sha, finishedAt: text, coreCommit: text.optional(), coreDirty: z.union([z.boolean(), z.literal('unknown')]) }).optional(),
  /** The hash Nx gave the compat task that made the result: a reader compares it with the hash Nx computes now. */
  taskHash: text.optional(),
  bisect: z
    .strictObject({ good: text, firstBad: text.optional(), tested: z.array(z.strictObject({ commit: text, outcome: z.enum(COMPAT_OUTCOMES) })), note: text })
    .optional(),
  startedAt: text,
  finishedAt: text,
  digest: sha,
  ...processFacts,
});

export const readinessItemSchema = z.strictObject({ id: text, check: text, state: z.enum(['pass', 'fail', 'inconclusive']), reason: text, evidence: z.array(text), advisory: z.boolean() });

export const releasePacketSchema = z.strictObject({
  kind: z.literal('nx-governance/release-packet'),
  date: text,
  version: text,
  releaseClass: text,
  owner: text,
  approver: text,
  currentTuple: z.strictObject({
    core: z.strictObject({ version: text, commit: text }),
    consumers: z.record(text, z.strictObject({ version: text.optional(), commit: text.optional() })),
  }),
  rollbackTuple: z.strictObject({ id: text, core: text, consumers: z.record(text, text) }).optional(),
  items: z.array(readinessItemSchema),
  advisoryFindings: z.array(readinessItemSchema),
  verdict: z.enum(['go', 'no-go']),
  digest: sha,
});

export const rollbackDecisionSchema = z.strictObject({
  kind: z.literal('nx-governance/rollback-decision'),
  decidedAt: text,
  candidate: z.strictObject({ rev: text, commit: text }),
  baseline: z.strictObject({ rev: text, commit: text }),
  triggers: z.array(
    z.strictObject({ id: text, kind: z.enum(['functional', 'compatibility', 'performance', 'metric', 'other']), state: z.enum(['fired', 'clear', 'inconclusive']), reason: text, evidence: z.array(text) }),
  ),
  verdict: z.enum(['roll-back', 'no-rollback', 'inconclusive']),
  reason: text,
  rollback: z.boolean(),
  rollbackTuple: z.strictObject({ id: text, core: text, consumers: z.record(text, text) }).optional(),
  procedure: z.array(z.strictObject({ step: text, owner: text })),
  digest: sha,
});

/** Where a pruned chain now starts: the record before its first kept one, sealed so an edit shows. */
export const chainAnchorSchema = z.strictObject({
  kind: z.literal('nx-governance/chain-anchor'),
  formatVersion: z.literal(1),
  gate: text,
  firstSequence: z.number().int().min(2),
  previousDigest: sha,
  pruned: z.number().int().min(0),
  prunedAt: text,
  prunedBy: text,
  digest: sha,
});

export const EVIDENCE_SCHEMAS = {
  'nx-governance/gate-evidence': gateEvidenceSchema,
  'nx-governance/task-evidence': taskCopySchema,
  'nx-governance/attestation': attestationSchema,
  'nx-governance/compat-result': compatResultSchema,
  'nx-governance/release-packet': releasePacketSchema,
  'nx-governance/rollback-decision': rollbackDecisionSchema,
  'nx-governance/chain-anchor': chainAnchorSchema,
} as const;

export type EvidenceKind = keyof typeof EVIDENCE_SCHEMAS;
/** What a writer seals: the record without the digest `sealRecord` adds. */
type Unsealed<T> = Omit<T, 'digest'>;
export type Attestation = Unsealed<z.output<typeof attestationSchema>>;
export type ReleasePacket = Unsealed<z.output<typeof releasePacketSchema>>;
export type ReadinessItem = z.output<typeof readinessItemSchema>;
export type RollbackDecision = Unsealed<z.output<typeof rollbackDecisionSchema>>;
export type TaskCopy = z.output<typeof taskCopySchema>;
export type ChainAnchor = z.output<typeof chainAnchorSchema>;
