import { error } from '../diagnostics';
import type { RuleContext } from './rule-context';

export function checkMilestones(ctx: RuleContext): void {
  const milestoneFiles = new Map<string, string>();
  const taskFiles = new Map<string, { file: string; line: number }>();
  for (const milestone of ctx.data.milestones) {
    const previous = milestoneFiles.get(milestone.id);
    if (previous) ctx.push(error(milestone.file, `milestone ${milestone.id} is also defined in ${previous}`, { line: 1 }));
    else milestoneFiles.set(milestone.id, milestone.file);

    for (const card of milestone.taskCards) {
      const first = taskFiles.get(card.id);
      if (first && first.file !== milestone.file) {
        ctx.push(error(milestone.file, `duplicate task id ${card.id}, already defined at ${first.file}:${first.line}`, { line: card.line, path: card.id }));
      } else if (!first) taskFiles.set(card.id, { file: milestone.file, line: card.line });

      for (const gate of card.requiredGates) {
        const problem = ctx.unknownGate(gate);
        if (problem) ctx.push(error(milestone.file, problem, { line: card.requiredGatesLine ?? card.line, path: `${card.id}.requiredGates` }));
      }
      if (ctx.options.strict) {
        for (const field of card.unknownFields) {
          ctx.push(error(milestone.file, `unknown field "${field.name}" (kept as written; known fields: Goal, Status, Work items, Acceptance criteria, Required gates, Release blocking)`, { line: field.line, path: card.id }));
        }
        for (const stray of card.strayLines) {
          ctx.push(error(milestone.file, `line belongs to no field: ${JSON.stringify(stray.text.trim())}`, { line: stray.line, path: card.id }));
        }
      }
    }
  }
}
