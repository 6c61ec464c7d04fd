import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { type AnchorEntry, chainLinkProblems, isAnchorFile, splitAtAnchor } from './chain-anchor';
import type { GateEvidence } from './gate-record';
import { gateEvidenceFolder } from './gate-store';
import { readEvidenceOfKind } from './read-evidence';
import { DIGESTS_ONLY, existingFiles, folderProblems, latestDigestOf, type PlanResult, sortOutgoing } from './prune-plan';
import type { PrunePins } from './prune-pins';

/**
 * Plans the prune of one gate's chain: the oldest records beyond `keep` and
 * any history before the current anchor go, with their markdown and logs;
 * the chain left starts at a new anchor. A chain that does not verify is not
 * touched: pruning it would hide the break behind an anchor.
 */
export function planGateChain(root: string, settings: GovernanceSettings, reader: FileReader, gate: string, pins: PrunePins, keep: number): PlanResult {
  const folder = gateEvidenceFolder(settings, gate);
  const problems = folderProblems(root, settings, folder);
  const records: Array<{ file: string; evidence: GateEvidence }> = [];
  const anchors: AnchorEntry[] = [];
  for (const file of reader.list(`${folder}/records`, '.json')) {
    if (isAnchorFile(file)) {
      const read = readEvidenceOfKind(reader, file, DIGESTS_ONLY, 'nx-governance/chain-anchor');
      if (!read.ok) problems.push(`${file}: ${read.problem}: ${read.message}`);
      else if (read.value.gate !== gate) problems.push(`${file}: misplaced: gate: found ${read.value.gate}, expected ${gate} (the gate whose folder holds it)`);
      else anchors.push({ file, anchor: read.value });
    } else if (/\/\d{6}-[^/]*\.json$/.test(file)) {
      const read = readEvidenceOfKind(reader, file, DIGESTS_ONLY, 'nx-governance/gate-evidence');
      if (!read.ok) problems.push(`${file}: ${read.problem}: ${read.message}`);
      else if (read.value.record.gate !== gate) problems.push(`${file}: misplaced: record.gate: found ${read.value.record.gate}, expected ${gate} (the gate whose folder holds it)`);
      else records.push({ file, evidence: read.value });
    }
  }
  const latest = latestDigestOf(reader, `${folder}/latest.json`, 'nx-governance/gate-evidence');
  if (!latest.ok) problems.push(latest.problem);
  const split = splitAtAnchor(records, anchors);
  problems.push(...chainLinkProblems(gate, split).map((p) => `${p.file}: broken-chain: ${p.message}`));
  if (problems.length || !latest.ok) return { ok: false, problems: problems.map((p) => `${p}; the chain of ${gate} is left as it is (verify-evidence names every problem)`) };

  const cut = Math.max(0, split.chain.length - keep);
  const outgoing = [...split.history, ...split.chain.slice(0, cut)];
  const logsOf = (evidence: GateEvidence) => evidence.record.steps.map((step) => step.log);
  const sorted = sortOutgoing(folder, outgoing.map(({ file, evidence }) => ({ file, digest: evidence.digest, logs: logsOf(evidence) })), pins, latest.digest);
  const firstKept = split.chain[cut]?.evidence;
  const replaced = cut > 0 && split.anchor ? [split.anchor] : [];
  const anchorFiles = [...split.olderAnchors, ...replaced].map((a) => a.file).filter((file) => !pins.tracked.has(file));
  const { remove, bytes } = existingFiles(root, [...sorted.remove, ...anchorFiles]);
  return {
    ok: true,
    plan: {
      history: `gates/${gate}`,
      folder,
      kept: split.chain.length - cut,
      pruned: outgoing.length - sorted.pinned.length,
      remove,
      bytes,
      pinned: sorted.pinned,
      ...(cut > 0 && firstKept?.record.previousDigest
        ? { anchor: { kind: 'nx-governance/chain-anchor' as const, formatVersion: 1 as const, gate, firstSequence: firstKept.record.sequence, previousDigest: firstKept.record.previousDigest, pruned: cut } }
        : {}),
    },
  };
}
