import type { GovernanceSettings } from '../schemas/governance';
import { gatesFolder } from './evidence-layout';
import { type AnchorEntry, type ChainEntry, chainLinkProblems, isAnchorFile, splitAtAnchor } from './chain-anchor';
import type { GateEvidence } from './gate-record';
import { staleness } from './judge-gate-evidence';
import { latestPlaceProblem } from './latest-in-chain';
import { gateEvidenceFolder, taskCopyBase } from './gate-store';
import type { ParsedEvidence } from './read-evidence';
import type { Report, VerifyOptions } from './verify-types';

interface GateFolder {
  records: ChainEntry[];
  anchors: AnchorEntry[];
  latest?: { file: string; evidence: GateEvidence };
}

/**
 * What a lone file cannot show: each gate record sits in its own gate's
 * folder, each chain is complete and linked from record 1 or from the anchor
 * a prune left, `latest` is the chain's head (or the record before it, when
 * a run was killed between the two writes, or an older record Nx restored
 * for the inputs as they are now), and every task copy names a record its
 * gate's folder still holds. Returns what is worth knowing but no fault:
 * history before an anchor.
 */
export function checkChains(root: string, settings: GovernanceSettings, intact: ParsedEvidence[], options: VerifyOptions, report: Report, chainFiles: string[]): string[] {
  const folders = new Map<string, GateFolder>();
  const folderOf = (gate: string): GateFolder => {
    const folder = folders.get(gate) ?? { records: [], anchors: [] };
    folders.set(gate, folder);
    return folder;
  };
  const byFile = new Map(intact.map((e) => [e.file, e]));
  const gatesPrefix = `${gatesFolder(settings)}/`;
  for (const file of chainFiles) {
    const [gate, ...rest] = file.slice(gatesPrefix.length).split('/');
    const parsed = byFile.get(file);
    if (isAnchorFile(file)) {
      const anchor = parsed?.kind === 'nx-governance/chain-anchor' ? parsed.value : undefined;
      if (anchor && anchor.gate !== gate) report(file, 'misplaced', `gate: found an anchor of ${anchor.gate}, expected one of ${gate} (the gate whose folder holds it)`);
      else if (anchor) folderOf(gate).anchors.push({ file, anchor });
      // An anchor that does not read is named by the reader; the chain is then checked from record 1 and fails there too.
      continue;
    }
    const evidence = parsed?.kind === 'nx-governance/gate-evidence' ? parsed.value : undefined;
    if (evidence && evidence.record.gate !== gate) report(file, 'misplaced', `record.gate: found ${evidence.record.gate}, expected ${gate} (the gate whose folder holds it)`);
    if (rest.join('/') === 'latest.json') {
      if (evidence) folderOf(gate).latest = { file, evidence };
    } else folderOf(gate).records.push({ file, evidence });
  }
  const notices: string[] = [];
  for (const [gate, folder] of folders) notices.push(...checkChain(root, gate, folder, options, report));
  for (const copy of intact) {
    if (copy.kind !== 'nx-governance/task-evidence') continue;
    const gate = copy.value.record.gate;
    const folder = folders.get(gate);
    const copied = folder && [...folder.records.map((c) => c.evidence), folder.latest?.evidence].some((e) => e?.digest === copy.value.digest);
    if (!copied) report(copy.file, 'missing', `found a copy of record ${copy.value.digest.slice(0, 12)}, expected ${gateEvidenceFolder(settings, gate)} to hold that record`);
    // The context is sealed by contextDigest, which anyone can recompute; the file's place, which the pattern derives from it, must agree too.
    const expected = taskCopyBase(settings, gate, copy.value.context);
    if (copy.file.replace(/(-r\d+)?\.json$/, '') !== expected) report(copy.file, 'misplaced', `context: found a copy for task ${copy.value.context.task} of ${copy.value.context.milestone} on ${copy.value.context.date}, expected it at ${expected}.json`);
  }
  return notices;
}

function checkChain(root: string, gate: string, { records, anchors, latest }: GateFolder, options: VerifyOptions, report: Report): string[] {
  const split = splitAtAnchor(records, anchors);
  for (const problem of chainLinkProblems(gate, split)) report(problem.file, 'broken-chain', problem.message);
  const notices = historyNotice(split.anchor?.file, split.history, split.olderAnchors.length);
  if (!latest) return notices;
  const record = latest.evidence.record;
  const current = options.currentHashes?.[gate];
  const place = latestPlaceProblem(root, split, latest, current);
  if (place) report(place.file, place.kind, place.message);
  const stale = current === undefined ? undefined : staleness(record, current);
  if (stale) report(latest.file, 'stale', `${stale}: run the gate again`);
  return notices;
}

/** History before an anchor is no fault: a prune kept it for a pin, or Nx restored it with an older run's outputs. */
function historyNotice(anchorFile: string | undefined, history: ChainEntry[], olderAnchors: number): string[] {
  if (!anchorFile || (!history.length && !olderAnchors)) return [];
  const folder = anchorFile.slice(0, anchorFile.lastIndexOf('/'));
  const sequences = history.map(({ file }) => /\/(\d{6})-[^/]*\.json$/.exec(file)?.[1] ?? file);
  const anchors = olderAnchors ? ` and ${olderAnchors} earlier anchor(s)` : '';
  return [
    `${folder}: ${history.length} record(s)${anchors} before the anchor ${anchorFile.slice(folder.length + 1)} are history, not chain (restored by Nx from its cache, or kept because evidence names them): ${sequences.join(', ')}; prune-evidence removes those nothing names`,
  ];
}
