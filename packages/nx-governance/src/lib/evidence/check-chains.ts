import { hostname } from 'node:os';
import type { GovernanceSettings } from '../schemas/governance';
import type { GateEvidence } from './gate-record';
import { gateEvidenceFolder, taskCopyBase } from './gate-store';
import type { ParsedEvidence } from './read-evidence';
import type { Report, VerifyOptions } from './verify-evidence';

interface GateFolder {
  chain: Array<{ file: string; evidence?: GateEvidence }>;
  latest?: { file: string; evidence: GateEvidence };
}

/**
 * What a lone file cannot show: each gate record sits in its own gate's
 * folder, each chain is complete and linked, `latest` is the chain's head (or
 * the record before it, when a run was killed between the two writes), and
 * every task copy names a record its gate's folder still holds.
 */
export function checkChains(root: string, settings: GovernanceSettings, intact: ParsedEvidence[], options: VerifyOptions, report: Report, chainFiles: string[]): void {
  const folders = new Map<string, GateFolder>();
  const folderOf = (gate: string): GateFolder => {
    const folder = folders.get(gate) ?? { chain: [] };
    folders.set(gate, folder);
    return folder;
  };
  const byFile = new Map(intact.map((e) => [e.file, e]));
  const gatesPrefix = `${settings.paths.evidence}/gates/`;
  for (const file of chainFiles) {
    const [gate, ...rest] = file.slice(gatesPrefix.length).split('/');
    const parsed = byFile.get(file);
    const evidence = parsed?.kind === 'nx-governance/gate-evidence' ? parsed.value : undefined;
    if (evidence && evidence.record.gate !== gate) report(file, 'misplaced', `record.gate: found ${evidence.record.gate}, expected ${gate} (the gate whose folder holds it)`);
    if (rest.join('/') === 'latest.json') {
      if (evidence) folderOf(gate).latest = { file, evidence };
    } else folderOf(gate).chain.push({ file, evidence });
  }
  for (const [gate, folder] of folders) checkChain(root, gate, folder, options, report);
  for (const copy of intact) {
    if (copy.kind !== 'nx-governance/task-evidence') continue;
    const gate = copy.value.record.gate;
    const folder = folders.get(gate);
    const copied = folder && [...folder.chain.map((c) => c.evidence), folder.latest?.evidence].some((e) => e?.digest === copy.value.digest);
    if (!copied) report(copy.file, 'missing', `found a copy of record ${copy.value.digest.slice(0, 12)}, expected ${gateEvidenceFolder(settings, gate)} to hold that record`);
    // The context is sealed by contextDigest, which anyone can recompute; the file's place, which the pattern derives from it, must agree too.
    const expected = taskCopyBase(settings, gate, copy.value.context);
    if (copy.file.replace(/(-r\d+)?\.json$/, '') !== expected) report(copy.file, 'misplaced', `context: found a copy for task ${copy.value.context.task} of ${copy.value.context.milestone} on ${copy.value.context.date}, expected it at ${expected}.json`);
  }
}

function checkChain(root: string, gate: string, { chain, latest }: GateFolder, options: VerifyOptions, report: Report): void {
  chain.sort((a, b) => a.file.localeCompare(b.file));
  let previous: GateEvidence | undefined;
  chain.forEach(({ file, evidence }, index) => {
    if (!evidence) {
      previous = undefined;
      return;
    }
    const expectedName = `${String(evidence.record.sequence).padStart(6, '0')}-${gate}.json`;
    if (evidence.record.sequence !== index + 1 || !file.endsWith(`/${expectedName}`)) {
      report(file, 'broken-chain', `record ${evidence.record.sequence} stands at position ${index + 1} of the chain (a record is missing, moved or swapped)`);
    }
    const expectedPrevious = index === 0 ? null : (previous?.digest ?? 'unreadable');
    if (evidence.record.previousDigest !== expectedPrevious) {
      report(file, 'broken-chain', `previous digest ${evidence.record.previousDigest ?? 'none'} does not match the record before it (${expectedPrevious ?? 'none'})`);
    }
    previous = evidence;
  });
  if (!latest) return;
  const head = chain[chain.length - 1]?.evidence;
  const record = latest.evidence.record;
  if (!chain.length) {
    // A latest restored by Nx from another checkout's run comes without its chain; one made here must have one.
    const madeHere = record.producedBy?.host === hostname() && record.producedBy.checkout === root;
    if (madeHere) report(latest.file, 'missing', `latest is record ${record.sequence}, made in this checkout, but records/ holds none: the chain was deleted`);
  } else if (head && record.sequence > head.record.sequence) {
    report(latest.file, 'broken-chain', `latest is record ${record.sequence}, but the chain ends at record ${head.record.sequence}: its newest record(s) are missing`);
  } else if (!chain.some(({ evidence }) => evidence?.digest === latest.evidence.digest)) {
    report(latest.file, 'broken-chain', 'latest is a copy of no record in the chain');
  } else if (head && latest.evidence.digest !== head.digest && head.record.previousDigest !== latest.evidence.digest) {
    report(latest.file, 'broken-chain', `latest is record ${record.sequence}, expected the chain's newest record ${head.record.sequence}`);
  }
  const current = options.currentHashes?.[gate];
  if (current && record.taskHash !== current) {
    report(latest.file, 'stale', `recorded for Nx task hash ${record.taskHash ?? '(none)'}, but the gate's inputs now hash to ${current}: run the gate again`);
  }
}
