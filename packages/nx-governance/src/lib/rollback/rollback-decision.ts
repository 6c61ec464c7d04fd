import { escapeMarkdown as e } from '../markdown/escape';
import { type PlaybookFile, roleLabels } from '../schemas/playbook';
import type { RollbackDecision } from '../evidence/evidence-schemas';
import type { ReleaseTuple } from './rollback-tuple';

/** A rollback decision as its schema defines it (derived, so writer and reader agree). */
export type { RollbackDecision } from '../evidence/evidence-schemas';
export type RollbackVerdict = RollbackDecision['verdict'];

/** The procedure with each owner's role resolved to a person, numbered. */
export function procedureLines(procedure: RollbackDecision['procedure']): string[] {
  return procedure.map((s, i) => `${i + 1}. ${s.step} Owner: ${s.owner}.`);
}

/** The procedure as the decision seals it: each owner's role resolved to the person the playbook names that day. */
export function procedureWithOwners(playbook: PlaybookFile): RollbackDecision['procedure'] {
  const owner = roleLabels(playbook);
  return playbook.rollbackProcedure.map((s) => ({ step: s.step, owner: owner.get(s.owner) ?? s.owner }));
}

export function describeTuple(tuple: ReleaseTuple | undefined): string {
  if (!tuple) return 'no rollback tuple is listed in compatibility.json';
  return `core ${tuple.core} with ${Object.entries(tuple.consumers).map(([name, version]) => `${name} ${version}`).join(', ')} (tuple ${tuple.id})`;
}

const HEADINGS: Record<RollbackVerdict, string> = { 'roll-back': 'ROLL BACK', 'no-rollback': 'no rollback', inconclusive: 'INCONCLUSIVE' };

/** The decision as a reviewer reads it, from the sealed decision alone, so verify-evidence can re-render it. */
export function renderRollbackMarkdown(decision: RollbackDecision & { digest: string }): string {
  return [
    `# Rollback decision: ${HEADINGS[decision.verdict]}`,
    '',
    `- Date: ${e(decision.decidedAt)}`,
    `- Candidate: ${e(decision.candidate.rev)} (${e(decision.candidate.commit)})`,
    `- Baseline: ${e(decision.baseline.rev)} (${e(decision.baseline.commit)})`,
    `- Verdict: ${e(decision.reason)}`,
    '',
    '## Triggers',
    '',
    '| Trigger | Kind | State | Reason |',
    '|---|---|---|---|',
    ...decision.triggers.map((t) => `| ${e(t.id)} | ${e(t.kind)} | ${e(t.state)} | ${e(t.reason)} |`),
    '',
    ...(decision.rollback ? ['## Procedure', '', `Roll back to ${e(describeTuple(decision.rollbackTuple))}.`, '', ...procedureLines(decision.procedure).map(e), ''] : []),
    `Record sha256: ${e(decision.digest)}`,
    '',
  ].join('\n');
}
