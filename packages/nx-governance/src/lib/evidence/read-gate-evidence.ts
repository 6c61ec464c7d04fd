import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { GateEvidence } from './gate-record';
import { gateEvidenceFolder } from './gate-store';
import { type EvidenceFailure, type EvidenceResult, readEvidenceOfKind } from './read-evidence';
import { loadSignaturePolicy, type SignaturePolicy } from './signature-policy';

type GateResultOf = EvidenceResult<'nx-governance/gate-evidence'>;

/** A gate record must sit in its own gate's folder: another gate's record copied in is not this gate's evidence. */
function inItsFolder(result: GateResultOf, gate: string): GateResultOf | EvidenceFailure {
  if (!result.ok || result.value.record.gate === gate) return result;
  return { ok: false, file: result.file, problem: 'misplaced', message: `record.gate: found ${result.value.record.gate}, expected ${gate} (the gate whose folder holds it)` };
}

/** The gate's `latest.json`, checked: schema, digest, signature policy, and that it is this gate's. */
export function readLatestGateRecord(reader: FileReader, settings: GovernanceSettings, gate: string, policy: SignaturePolicy): GateResultOf {
  return inItsFolder(readEvidenceOfKind(reader, `${gateEvidenceFolder(settings, gate)}/latest.json`, policy, 'nx-governance/gate-evidence'), gate);
}

/** Every file of the gate's chain in order, each checked as `readLatestGateRecord` checks latest. */
export function readGateChain(reader: FileReader, settings: GovernanceSettings, gate: string, policy: SignaturePolicy): GateResultOf[] {
  return reader
    .list(`${gateEvidenceFolder(settings, gate)}/records`, '.json')
    .filter((file) => /\/\d{6}-[^/]*\.json$/.test(file))
    .map((file) => inItsFolder(readEvidenceOfKind(reader, file, policy, 'nx-governance/gate-evidence'), gate));
}

/** The signature policy of the settings' workspace; undefined when a key file is broken (verify-evidence names it). */
export function signaturePolicyOf(reader: FileReader, settings: GovernanceSettings): SignaturePolicy | undefined {
  const loaded = loadSignaturePolicy(reader, settings.requireSignatures);
  return loaded.ok ? loaded.policy : undefined;
}

/**
 * A gate's latest evidence when it is intact and trusted, otherwise undefined:
 * for callers to whom absent, tampered and unsigned all mean "no evidence".
 */
export function readLatestGateEvidenceFrom(reader: FileReader, settings: GovernanceSettings, gate: string, policy = signaturePolicyOf(reader, settings)): GateEvidence | undefined {
  if (!policy) return undefined;
  const result = readLatestGateRecord(reader, settings, gate, policy);
  return result.ok ? result.value : undefined;
}
