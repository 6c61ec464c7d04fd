import { error } from '../diagnostics';
import type { RuleContext } from './rule-context';

/**
 * Every id has the form governance.json's `ids` sets (gate ids are checked as
 * gates.json loads), and no two kinds share an id: a milestone, a task and a
 * release class each name a `gate-<id>` target, so one id for two of them
 * would leave one without its target.
 */
export function checkIds(ctx: RuleContext): void {
  const { ids, playbook } = ctx.data;
  // Without readable settings the patterns are stand-ins: their own error is the one to read.
  if (!ctx.data.settingsSource) return;
  playbook?.data.minimumGatesPerMilestone?.forEach((set, index) =>
    ctx.errorIf(playbook, ['minimumGatesPerMilestone', index, 'milestone'], ids.problem('milestone', set.milestone)),
  );
  const classes = new Set(playbook?.data.releaseClasses.map((c) => c.id) ?? []);
  for (const milestone of ctx.data.milestones) {
    const at = { line: 1, path: milestone.id };
    if (ids.matches('task', milestone.id)) ctx.push(error(milestone.file, `milestone ${milestone.id} is also a task id (${ids.describe('task')}), expected ids.milestone and ids.task to tell the two apart`, at));
    if (classes.has(milestone.id)) ctx.push(error(milestone.file, `milestone ${milestone.id} is also a release class of ${playbook?.file}, expected ids that name one thing each (both would run as gate-${milestone.id})`, at));
    for (const card of milestone.taskCards) {
      if (classes.has(card.id)) ctx.push(error(milestone.file, `task ${card.id} is also a release class of ${playbook?.file}, expected ids that name one thing each (both would run as gate-${card.id})`, { line: card.line, path: card.id }));
    }
  }
}
