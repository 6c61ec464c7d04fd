import { existsSync, readdirSync, rmSync } from 'node:fs';
import { compatsFolder, gatesFolder } from './evidence-layout';
import { join } from 'node:path';
import { insideWorkspaceOrThrow } from '../fs/inside-workspace';
import { writeFileAtomically } from '../fs/write-file-atomically';
import type { GovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { anchorFileName } from './chain-anchor';
import { withFileLock } from './file-lock';
import { gateEvidenceFolder } from './gate-store';
import { planCompatHistory } from './prune-compat-history';
import { planGateChain } from './prune-gate-chain';
import type { HistoryPlan, PlanResult } from './prune-plan';
import { readPrunePins } from './prune-pins';
import { sealRecord } from './seal-record';

export interface PruneOptions {
  /** Records kept per gate chain and per consumer's results, at least 1. */
  keep: number;
  /** Without it, a dry run: the plan, nothing written or deleted. */
  apply: boolean;
  /** Who prunes and when, sealed into each anchor. */
  by: string;
  at: string;
}

export type PruneResult = { ok: true; applied: boolean; keep: number; histories: HistoryPlan[] } | { ok: false; problems: string[] };

function subfolders(root: string, folder: string): string[] {
  const full = join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Every plan, or every problem: one problem anywhere and the prune stops. */
function collect(results: PlanResult[]): { ok: true; plans: HistoryPlan[] } | { ok: false; problems: string[] } {
  const problems = results.flatMap((r) => (r.ok ? [] : r.problems));
  return problems.length ? { ok: false, problems } : { ok: true, plans: results.flatMap((r) => (r.ok ? [r.plan] : [])) };
}

/**
 * Writes the anchor first: a prune cut short leaves extra history before it,
 * never a chain without its start. A file it could not delete is a problem.
 */
function applyPlan(root: string, settings: GovernanceSettings, plan: HistoryPlan, options: PruneOptions): PlanResult {
  const evidence = settings.paths.evidence;
  if (plan.anchor) {
    const sealed = sealRecord({ ...plan.anchor, prunedAt: options.at, prunedBy: options.by });
    const file = insideWorkspaceOrThrow(root, `${plan.folder}/records/${anchorFileName(plan.anchor.firstSequence)}`, evidence);
    writeFileAtomically(file, `${JSON.stringify(sealed, null, 2)}\n`);
  }
  const problems: string[] = [];
  for (const file of plan.remove) {
    try {
      rmSync(insideWorkspaceOrThrow(root, file, evidence), { force: true });
    } catch (error) {
      problems.push(`${file}: could not delete it (${(error as Error).message}); the chain still verifies, run the prune again`);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, plan };
}

/**
 * Trims the local history of every gate chain and consumer result history to
 * the newest `keep` records, never touching latest records, what task
 * copies, release packets and rollback decisions name, or anything git
 * tracks. Any problem (git cannot answer, a chain that does not verify)
 * stops the whole prune before a file is deleted. Each gate's chain is
 * planned again and pruned under the lock its writers take.
 */
export function pruneEvidence(root: string, settings: GovernanceSettings, options: PruneOptions): PruneResult {
  const reader = diskFileReader(root);
  const read = readPrunePins(root, settings, reader);
  if (!read.ok) return read;
  const gates = subfolders(root, gatesFolder(settings));
  const consumers = subfolders(root, compatsFolder(settings));
  const planGate = (gate: string) => planGateChain(root, settings, reader, gate, read.pins, options.keep);
  const planCompat = (consumer: string) => planCompatHistory(root, settings, reader, consumer, read.pins, options.keep);
  const planned = collect([...gates.map(planGate), ...consumers.map(planCompat)]);
  if (!planned.ok) return planned;
  if (!options.apply) return { ok: true, applied: false, keep: options.keep, histories: planned.plans };

  const applied: PlanResult[] = gates.map((gate) =>
    withFileLock(join(root, gateEvidenceFolder(settings, gate), '.lock'), () => {
      const again = planGate(gate);
      return again.ok ? applyPlan(root, settings, again.plan, options) : again;
    }),
  );
  for (const consumer of consumers) {
    const again = planCompat(consumer);
    applied.push(again.ok ? applyPlan(root, settings, again.plan, options) : again);
  }
  const done = collect(applied);
  return done.ok ? { ok: true, applied: true, keep: options.keep, histories: done.plans } : done;
}
