import { escapeMarkdown as e } from '../markdown/escape';
import type { PlaybookFile } from '../schemas/playbook';
import type { CompatibilityFile } from '../schemas/compatibility';
import type { TriggerResult } from './evaluate-rollback';

export interface RollbackDecision {
  kind: 'nx-governance/rollback-decision';
  decidedAt: string;
  candidate: { rev: string; commit: string };
  baseline: { rev: string; commit: string };
  triggers: TriggerResult[];
  rollback: boolean;
  rollbackTuple?: CompatibilityFile['tuples'][number];
  procedure: Array<{ step: string; owner: string }>;
}

/** The procedure with each owner's role resolved to a person, numbered. */
export function procedureLines(playbook: PlaybookFile): string[] {
  const owner = new Map(playbook.roles.map((r) => [r.id, `${r.title} (${r.owner})`]));
  return playbook.rollbackProcedure.map((s, i) => `${i + 1}. ${s.step} Owner: ${owner.get(s.owner) ?? s.owner}.`);
}

export function describeTuple(tuple: CompatibilityFile['tuples'][number] | undefined): string {
  if (!tuple) return 'no rollback tuple is listed in compatibility.json';
  return `core ${tuple.core} with ${Object.entries(tuple.consumers).map(([name, version]) => `${name} ${version}`).join(', ')} (tuple ${tuple.id})`;
}

export function renderRollbackMarkdown(decision: RollbackDecision & { digest: string }, playbook: PlaybookFile): string {
  return [
    `# Rollback decision: ${decision.rollback ? 'ROLL BACK' : 'no rollback'}`,
    '',
    `- Date: ${e(decision.decidedAt)}`,
    `- Candidate: ${e(decision.candidate.rev)} (${e(decision.candidate.commit)})`,
    `- Baseline: ${e(decision.baseline.rev)} (${e(decision.baseline.commit)})`,
    '',
    '## Triggers',
    '',
    '| Trigger | Kind | State | Reason |',
    '|---|---|---|---|',
    ...decision.triggers.map((t) => `| ${e(t.id)} | ${e(t.kind)} | ${e(t.state)} | ${e(t.reason)} |`),
    '',
    ...(decision.rollback ? ['## Procedure', '', `Roll back to ${e(describeTuple(decision.rollbackTuple))}.`, '', ...procedureLines(playbook).map(e), ''] : []),
    `Record sha256: ${e(decision.digest)}`,
    '',
  ].join('\n');
}
