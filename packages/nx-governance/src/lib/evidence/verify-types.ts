import type { ImportedEvidenceIndex } from './imported-evidence-index';
import type { EvidenceProblemKind as ReadProblemKind } from './read-evidence';
import type { SignaturePolicy } from './signature-policy';

/** What verify-evidence and its checkers (chains, markdown views, tracked files) share, apart so they do not import each other. */
export type EvidenceProblemKind = ReadProblemKind | 'broken-chain' | 'unknown-commit' | 'stale' | 'markdown-differs' | 'symlink' | 'imported-changed';

export interface EvidenceProblem {
  file: string;
  kind: EvidenceProblemKind;
  message: string;
}

export interface VerifyOptions {
  policy: SignaturePolicy;
  /** The Nx task hash of each gate target now; a gate's latest evidence with another hash is stale. */
  currentHashes?: Record<string, string>;
  /** Evidence from before the plugin, indexed by import: checked against the index, not as sealed records. */
  imported?: ImportedEvidenceIndex;
}

export interface VerifyReport {
  checked: number;
  problems: EvidenceProblem[];
  /** What the checks do not show, said plainly (records without signatures). */
  notices: string[];
}

export type Report = (file: string, kind: EvidenceProblemKind, message: string) => void;

