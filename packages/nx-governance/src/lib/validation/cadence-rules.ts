import { forEachDuplicate, type RuleContext } from './rule-context';

export function checkCadence(ctx: RuleContext): void {
  const cadence = ctx.data.cadence;
  if (!cadence) return;
  const { activities, ownership } = cadence.data;
  forEachDuplicate(activities, (a) => a.id, (a, i) => ctx.errorAt(cadence, ['activities', i, 'id'], `duplicate activity ${a.id}`));
  activities.forEach((activity, i) => {
    ctx.errorIf(cadence, ['activities', i, 'owner'], ctx.unknownRole(activity.owner));
    if (activity.gate) ctx.errorIf(cadence, ['activities', i, 'gate'], ctx.unknownGate(activity.gate));
    if (activity.changeKind !== undefined && activity.interval !== 'per-change') {
      ctx.errorAt(cadence, ['activities', i, 'changeKind'], `changeKind is only meaningful with interval "per-change", found interval ${JSON.stringify(activity.interval)}`);
    }
  });
  ctx.errorIf(cadence, ['ownership', 'decisionLog'], ctx.unknownRole(ownership.decisionLog));
  ctx.errorIf(cadence, ['ownership', 'compatibilityMatrix'], ctx.unknownRole(ownership.compatibilityMatrix));
}
