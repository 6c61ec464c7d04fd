import { compatLatestFile } from '../evidence/evidence-layout';
import { AS_RECORDED, staleness } from '../evidence/judge-gate-evidence';
import { DIGEST_ONLY, readEvidenceOfKind } from '../evidence/read-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { type CompatRecord, type CompatVerdict, compatVerdict } from './compat-result';

export interface CompatEvidenceQuestion {
  reader: FileReader;
  settings: Pick<GovernanceSettings, 'paths'>;
  consumer: string;
  /** The Nx project whose compat target made the results: what to run when the result is stale. */
  project: string;
  compatTargetName: string;
  /**
   * The hash Nx computes now for the consumer's compat task; `AS_RECORDED` to
   * read the result as it stood (a past revision, read through git); undefined
   * when Nx could not say, which is never a pass.
   */
  currentTaskHash: string | undefined | typeof AS_RECORDED;
  unknownHashWhy?: string;
}

/**
 * Whether a consumer's newest compatibility result says something about the
 * consumer now, and what: the same currency rule as a gate's evidence
 * (`staleness`: its Nx task hash is the one Nx computes now), so a result
 * made before the core or the consumer changed is `stale`, with what to run,
 * never its old result. Results are sealed by digest, never signed: one that
 * does not verify is `untrusted`.
 */
export type CompatJudgement =
  | { state: CompatVerdict; consumer: string; reason: string; record: CompatRecord; file: string }
  | { state: 'stale' | 'unknown'; consumer: string; reason: string; fix: string; record: CompatRecord; file: string }
  | { state: 'untrusted' | 'missing'; consumer: string; reason: string; fix: string; file: string };

export function judgeCompatEvidence(question: CompatEvidenceQuestion): CompatJudgement {
  const { reader, settings, consumer, currentTaskHash } = question;
  const file = compatLatestFile(settings, consumer);
  const fix = `nx run ${question.project}:${question.compatTargetName}`;
  const read = readEvidenceOfKind(reader, file, DIGEST_ONLY, 'nx-governance/compat-result');
  if (!read.ok) return { state: read.problem === 'missing' ? 'missing' : 'untrusted', consumer, file, reason: read.problem === 'missing' ? `no compatibility result for ${consumer}` : `${file}: ${read.message}`, fix };
  const record = read.value;
  if (record.consumer !== consumer) return { state: 'untrusted', consumer, file, reason: `${file} is ${record.consumer}'s result, not ${consumer}'s`, fix };
  if (currentTaskHash === undefined) {
    return { state: 'unknown', consumer, file, record, fix, reason: `${record.result} from ${record.finishedAt.slice(0, 10)}, but ${question.unknownHashWhy ?? 'Nx gave no hash for the compat task now'}` };
  }
  if (currentTaskHash !== AS_RECORDED) {
    const stale = staleness(record, currentTaskHash, "the consumer's compat inputs");
    if (stale) return { state: 'stale', consumer, file, record, fix, reason: `${record.result} from ${record.finishedAt.slice(0, 10)} is stale: ${stale}` };
  }
  return { state: compatVerdict(record.result), consumer, file, record, reason: record.reason };
}
