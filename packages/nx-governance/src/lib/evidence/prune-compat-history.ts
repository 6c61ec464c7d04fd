import { compatResultFolder } from '../compat/compat-paths';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { DIGESTS_ONLY, existingFiles, folderProblems, latestDigestOf, type PlanResult, sortOutgoing } from './prune-plan';
import type { PrunePins } from './prune-pins';
import { readEvidenceOfKind } from './read-evidence';

/**
 * Plans the prune of a consumer's result history: results are not chained,
 * one file per run named by its start time, so the oldest beyond `keep` go
 * with their markdown and logs, and the one `latest.json` copies stays.
 */
export function planCompatHistory(root: string, settings: GovernanceSettings, reader: FileReader, consumer: string, pins: PrunePins, keep: number): PlanResult {
  const folder = compatResultFolder(settings, consumer);
  const problems = folderProblems(root, settings, folder);
  const results: Array<{ file: string; digest: string; logs: Array<string | undefined> }> = [];
  for (const file of reader.list(`${folder}/results`, '.json')) {
    const read = readEvidenceOfKind(reader, file, DIGESTS_ONLY, 'nx-governance/compat-result');
    if (read.ok) results.push({ file, digest: read.value.digest, logs: [read.value.log] });
    else problems.push(`${file}: ${read.problem}: ${read.message}`);
  }
  const latest = latestDigestOf(reader, `${folder}/latest.json`, 'nx-governance/compat-result');
  if (!latest.ok) problems.push(latest.problem);
  if (problems.length || !latest.ok) return { ok: false, problems: problems.map((p) => `${p}; the results of ${consumer} are left as they are (verify-evidence names every problem)`) };
  const outgoing = results.slice(0, Math.max(0, results.length - keep));
  const sorted = sortOutgoing(folder, outgoing, pins, latest.digest);
  const { remove, bytes } = existingFiles(root, sorted.remove);
  return { ok: true, plan: { history: `compat/${consumer}`, folder, kept: results.length - outgoing.length, pruned: outgoing.length - sorted.pinned.length, remove, bytes, pinned: sorted.pinned } };
}
