import { procedureWithOwners } from './rollback-decision';
import { resolveCore } from '../consumers/resolve-core';
import { git } from '../git/git';
import type { PlaybookFile } from '../schemas/playbook';
import { diskFileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import { evaluateRollbackTriggers, type TriggerResult } from './evaluate-rollback';
import type { RollbackDecision, RollbackVerdict } from './rollback-decision';
import { rollbackTuple } from './rollback-tuple';
import { importGaps } from '../import/import-gaps';

export interface RollbackCheckInput {
  root: string;
  data: GovernanceData;
  playbook: PlaybookFile;
  consumers: string[];
  candidateRev: string;
  baselineRev: string;
  now: Date;
}

export type RollbackCheck = { ok: true; decision: RollbackDecision } | { ok: false; error: string };

/**
 * The verdict of the triggers: roll back when one fired; inconclusive when
 * none is defined or one could not be judged (no evidence is no all-clear);
 * no rollback only when every trigger was judged clear.
 */
export function rollbackVerdict(triggers: TriggerResult[]): { verdict: RollbackVerdict; reason: string } {
  const fired = triggers.filter((t) => t.state === 'fired');
  if (fired.length) return { verdict: 'roll-back', reason: `${fired.map((t) => t.id).join(', ')} fired` };
  if (triggers.length === 0) return { verdict: 'inconclusive', reason: 'playbook.json defines no rollback trigger, so nothing says the release is safe' };
  const unknown = triggers.filter((t) => t.state === 'inconclusive');
  if (unknown.length) return { verdict: 'inconclusive', reason: `${unknown.map((t) => t.id).join(', ')} could not be judged` };
  return { verdict: 'no-rollback', reason: 'every trigger is clear' };
}

/** Judges every rollback trigger of the candidate against the baseline revision and decides. */
export function decideRollback(input: RollbackCheckInput): RollbackCheck {
  const { root, data, playbook, candidateRev, baselineRev } = input;
  const revision = (rev: string) => git(root, ['rev-parse', '--verify', `${rev}^{commit}`]);
  const [candidate, baseline] = [revision(candidateRev), revision(baselineRev)];
  if (!candidate || !baseline) return { ok: false, error: `Unknown revision ${!candidate ? candidateRev : baselineRev}: expected a commit, branch or tag of this repository` };
  const core = resolveCore(diskFileReader(root), data.settings);
  const coreCommit = core?.path ? git(root, ['log', '-1', '--format=%H', candidate, '--', core.path]) : undefined;
  const triggers = evaluateRollbackTriggers(playbook.rollbackTriggers, {
    root,
    governance: data,
    gates: data.gates?.data.gates ?? [],
    consumers: input.consumers,
    candidate: { rev: candidateRev, commit: candidate, ...(coreCommit ? { coreCommit } : {}) },
    baseline: { rev: baselineRev, commit: baseline },
  });
  // After a partial import, a trigger, gate or consumer the prose names and the data lacks cannot be judged clear.
  for (const gap of importGaps(diskFileReader(root), data)) triggers.push({ id: `import-${gap.kind}`, kind: 'other', state: 'inconclusive', reason: gap.reason, evidence: [] });
  const { verdict, reason } = rollbackVerdict(triggers);
  return {
    ok: true,
    decision: {
      kind: 'nx-governance/rollback-decision',
      decidedAt: input.now.toISOString(),
      candidate: { rev: candidateRev, commit: candidate },
      baseline: { rev: baselineRev, commit: baseline },
      triggers,
      verdict,
      reason,
      rollback: verdict === 'roll-back',
      rollbackTuple: rollbackTuple(data.compatibility?.data),
      procedure: procedureWithOwners(playbook),
    },
  };
}
