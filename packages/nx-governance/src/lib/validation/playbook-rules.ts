import { knownList } from '../text/known-list';
import { forEachDuplicate, type RuleContext } from './rule-context';

export function checkPlaybook(ctx: RuleContext): void {
  const playbook = ctx.data.playbook;
  if (!playbook) return;
  const { roles, releaseClasses, defaultReleaseClass, preReleaseChecklist, goNoGo, rollbackTriggers, rollbackProcedure } = playbook.data;
  const gates = new Map(ctx.data.gates?.data.gates.map((g) => [g.id, g]) ?? []);
  const checkGate = (path: (string | number)[], id: string) => ctx.errorIf(playbook, path, ctx.unknownGate(id));
  const checkRole = (path: (string | number)[], id: string | undefined) => ctx.errorIf(playbook, path, ctx.unknownRole(id));

  forEachDuplicate(roles, (r) => r.id, (r, i) => ctx.errorAt(playbook, ['roles', i, 'id'], `duplicate role ${r.id}`));
  forEachDuplicate(releaseClasses, (c) => c.id, (c, i) => ctx.errorAt(playbook, ['releaseClasses', i, 'id'], `duplicate release class ${c.id}`));
  if (!releaseClasses.some((c) => c.id === defaultReleaseClass)) {
    ctx.errorAt(playbook, ['defaultReleaseClass'], `unknown release class "${defaultReleaseClass}", expected one of: ${knownList(releaseClasses.map((c) => c.id), defaultReleaseClass)}`);
  }
  releaseClasses.forEach((c, i) => c.gates.forEach((gate, j) => checkGate(['releaseClasses', i, 'gates', j], gate)));
  playbook.data.minimumGatesPerMilestone?.forEach((set, i) => set.gates.forEach((gate, j) => checkGate(['minimumGatesPerMilestone', i, 'gates', j], gate)));
  preReleaseChecklist.forEach((item, i) => checkRole(['preReleaseChecklist', i, 'owner'], item.owner));
  goNoGo.forEach((item, i) => checkRole(['goNoGo', i, 'owner'], item.owner));
  rollbackProcedure.forEach((step, i) => checkRole(['rollbackProcedure', i, 'owner'], step.owner));

  forEachDuplicate(rollbackTriggers, (t) => t.id, (t, i) => ctx.errorAt(playbook, ['rollbackTriggers', i, 'id'], `duplicate trigger ${t.id}`));
  rollbackTriggers.forEach((trigger, i) => {
    if (trigger.kind === 'functional') trigger.gates.forEach((gate, j) => checkGate(['rollbackTriggers', i, 'gates', j], gate));
    if (trigger.kind !== 'performance' || trigger.gate === undefined) return;
    checkGate(['rollbackTriggers', i, 'gate'], trigger.gate);
    const gate = gates.get(trigger.gate);
    const metrics = gate?.kind === 'command' ? (gate.passCriteria?.metrics ?? []).map((m) => m.name) : [];
    if (gate && trigger.metric !== undefined && !metrics.includes(trigger.metric)) {
      ctx.errorAt(playbook, ['rollbackTriggers', i, 'metric'], `gate ${trigger.gate} has no metric "${trigger.metric}", expected one of: ${knownList(metrics, trigger.metric)}`);
    }
  });
}
