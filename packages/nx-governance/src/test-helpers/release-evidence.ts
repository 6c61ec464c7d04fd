import { type CompatClassification, compatVerdict } from '../lib/compat/compat-result';
import { writeCompatResult } from '../lib/compat/compat-store';
import type { GateResult } from '../lib/evidence/gate-record';
import { appendGateRecord } from '../lib/evidence/gate-store';
import { defaultGovernanceSettings } from '../lib/schemas/governance';

/** Evidence as the gate and compat runs write it, for the release specs. */
export const settings = defaultGovernanceSettings();

export function writeGateEvidence(root: string, gate: string, commit: string, result: GateResult, criteria: Array<{ name: string; value: number }> = []): void {
  const at = new Date().toISOString();
  appendGateRecord(root, settings, {
    gate,
    title: gate,
    kind: 'command',
    enforcement: 'blocking',
    owner: 'qa',
    result,
    notes: [],
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    git: { commit, dirty: false, consumers: {} },
    tools: { node: process.version, steps: {} },
    steps: [],
    criteria: criteria.map((c) => ({ ...c, passed: true, detail: '' })),
  });
}

export function writeCompatEvidence(root: string, consumer: string, coreCommit: string, result: CompatClassification, startedAt = new Date().toISOString(), taskHash?: string): void {
  const verdict = compatVerdict(result);
  writeCompatResult(root, settings, {
    kind: 'nx-governance/compat-result',
    formatVersion: 1,
    consumer,
    project: consumer,
    tuple: { core: { project: 'core', commit: coreCommit, dirty: false }, consumer: { name: consumer, dirty: false } },
    result,
    outcome: verdict === 'pass' ? 'pass' : verdict === 'fail' ? 'fail' : result === 'skipped' ? 'skipped' : 'spurious',
    reason: result,
    durationMs: 0,
    ...(taskHash ? { taskHash } : {}),
    startedAt,
    finishedAt: startedAt,
  });
}
