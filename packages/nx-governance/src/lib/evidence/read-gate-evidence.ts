import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { gateLatestFile, gateRecordsFolder } from './evidence-layout';
import { type EvidenceFailure, type EvidenceResult, readEvidenceOfKind } from './read-evidence';
import type { SignaturePolicy } from './signature-policy';

type GateResultOf = EvidenceResult<'nx-governance/gate-evidence'>;

/** A gate record must sit in its own gate's folder: another gate's record copied in is not this gate's evidence. */
function inItsFolder(result: GateResultOf, gate: string): GateResultOf | EvidenceFailure {
  if (!result.ok || result.value.record.gate === gate) return result;
  return { ok: false, file: result.file, problem: 'misplaced', message: `record.gate: found ${result.value.record.gate}, expected ${gate} (the gate whose folder holds it)` };
}

/** The gate's `latest.json`, checked: schema, digest, signature policy, and that it is this gate's. Whether it counts as a pass now is `judgeGateEvidence`'s to say. */
export function readLatestGateRecord(reader: FileReader, settings: Pick<GovernanceSettings, 'paths'>, gate: string, policy: SignaturePolicy): GateResultOf {
  return inItsFolder(readEvidenceOfKind(reader, gateLatestFile(settings, gate), policy, 'nx-governance/gate-evidence'), gate);
}

/** Every file of the gate's chain in order, each checked as `readLatestGateRecord` checks latest. */
export function readGateChain(reader: FileReader, settings: Pick<GovernanceSettings, 'paths'>, gate: string, policy: SignaturePolicy): GateResultOf[] {
  return reader
    .list(gateRecordsFolder(settings, gate), '.json')
    .filter((file) => /\/\d{6}-[^/]*\.json$/.test(file))
    .map((file) => inItsFolder(readEvidenceOfKind(reader, file, policy, 'nx-governance/gate-evidence'), gate));
}
