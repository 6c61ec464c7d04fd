import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { resolveInsideWorkspace } from '../fs/inside-workspace';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { ChainAnchor } from './evidence-schemas';
import { readEvidenceOfKind } from './read-evidence';
import { pinOf, type PrunePins } from './prune-pins';
import type { SignaturePolicy } from './signature-policy';

/** What a prune does to one history (a gate's chain, a consumer's results): planned first, the same plan shown or applied. */
export interface HistoryPlan {
  /** `gates/<gate>` or `compat/<consumer>`, below the evidence folder. */
  history: string;
  folder: string;
  kept: number;
  /** Records removed: the oldest beyond `keep`, and history Nx restored after an earlier prune. */
  pruned: number;
  /** Workspace-relative files removed: records, their markdown and logs, earlier anchors. */
  remove: string[];
  bytes: number;
  /** Records out of the chain that stay, and why. */
  pinned: Array<{ file: string; why: string }>;
  /** The anchor the prune writes, when it cuts the chain. */
  anchor?: Omit<ChainAnchor, 'digest' | 'prunedAt' | 'prunedBy'>;
}

export type PlanResult = { ok: true; plan: HistoryPlan } | { ok: false; problems: string[] };

/** A record going out of a history: its file, the digest that task copies and latest name, the logs its steps wrote. */
export interface Outgoing {
  file: string;
  digest: string;
  logs: Array<string | undefined>;
}

/** Readers of history check digests and chains; who signed is verify-evidence's question, not the prune's. */
export const DIGESTS_ONLY: SignaturePolicy = { publicKeys: [], required: false, keysFolder: '', ignoreSignatures: true };

/**
 * Splits the outgoing records into the files to remove and the records that
 * stay pinned. A log is removed only when it lies in the history's own
 * `logs/` folder: the path comes from a record's data, never trusted to
 * point anywhere else.
 */
export function sortOutgoing(folder: string, outgoing: Outgoing[], pins: PrunePins, latestDigest: string | undefined) {
  const remove: string[] = [];
  const pinned: Array<{ file: string; why: string }> = [];
  for (const { file, digest, logs } of outgoing) {
    const markdown = file.replace(/\.json$/, '.md');
    const why = pinOf(pins, [file, markdown], digest, latestDigest);
    if (why) {
      pinned.push({ file, why });
      continue;
    }
    remove.push(file, markdown);
    for (const log of logs) if (log && log.startsWith(`${folder}/logs/`) && !log.includes('..') && !pins.tracked.has(log)) remove.push(log);
  }
  return { remove, pinned };
}

/** The files of `remove` that exist, each once, and their size. */
export function existingFiles(root: string, remove: string[]): { remove: string[]; bytes: number } {
  const files = [...new Set(remove)].filter((file) => existsSync(join(root, file)));
  return { remove: files, bytes: files.reduce((sum, file) => sum + statSync(join(root, file)).size, 0) };
}

/** The digest of the file `latest.json` at `file`, undefined when there is none; a broken one stops the prune. */
export function latestDigestOf(reader: FileReader, file: string, kind: 'nx-governance/gate-evidence' | 'nx-governance/compat-result'): { ok: true; digest?: string } | { ok: false; problem: string } {
  if (reader.read(file) === undefined) return { ok: true };
  const latest = readEvidenceOfKind(reader, file, DIGESTS_ONLY, kind);
  return latest.ok ? { ok: true, digest: latest.value.digest } : { ok: false, problem: `${latest.file}: ${latest.problem}: ${latest.message}` };
}

/** A history folder, or a folder in it, that is a symlink could point a delete anywhere: the prune stops. */
export function folderProblems(root: string, settings: GovernanceSettings, folder: string): string[] {
  return ['records', 'results', 'logs'].flatMap((sub) => {
    const resolved = resolveInsideWorkspace(root, `${folder}/${sub}`, settings.paths.evidence);
    return resolved.ok ? [] : [resolved.error];
  });
}
