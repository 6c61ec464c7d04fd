import { DEFAULT_GATE_TARGET } from '../gates/gate-scopes';
import { scopeTargetName } from '../workspace/target-names';
import { NX_TARGET_PATTERN } from '../schemas/gates';
import { knownList } from '../text/known-list';
import type { GovernanceData } from '../workspace/load-governance';
import { forEachDuplicate, type RuleContext } from './rule-context';

export function checkGates(ctx: RuleContext): void {
  const gates = ctx.data.gates;
  if (!gates) return;
  forEachDuplicate(gates.data.gates, (g) => g.id, (gate, index, first) =>
    ctx.errorAt(gates, ['gates', index, 'id'], `duplicate gate id ${gate.id}, first defined at gates[${first}]`),
  );
  const required = requiredGateIds(ctx.data);
  gates.data.gates.forEach((gate, index) => {
    ctx.errorIf(gates, ['gates', index, 'owner'], ctx.unknownRole(gate.owner));
    if (required && !required.has(gate.id)) {
      const playbook = ctx.data.playbook?.file ?? 'playbook.json';
      ctx.warningAt(gates, ['gates', index, 'id'], `gate ${gate.id} is required by no release class, milestone or task card, so no gate run runs it; add it to a release class in ${playbook} or to a task card's Required gates`);
    }
    const ownFile = ctx.data.gateFiles[gate.id];
    if (ownFile && !ownFile.endsWith(`/${gate.id}.json`)) ctx.errorAt(gates, ['gates', index, 'id'], `gate ${gate.id} lives in ${ownFile}, expected a file named ${gate.id}.json so that the file says which gate it holds`);
    if (gate.kind === 'command' && gate.blocked) {
      ctx.warningAt(gates, ['gates', index, 'blocked'], `gate ${gate.id} is blocked until its steps are written by hand: ${gate.blocked.reason} (review: ${gate.blocked.review})`);
    }
    if (gate.kind !== 'command' || !ctx.options.projects) return;
    gate.steps.forEach((step, stepIndex) => {
      if (!('target' in step) || !NX_TARGET_PATTERN.test(step.target)) return;
      const [project, target] = step.target.split(':');
      const targets = ctx.options.projects?.get(project);
      const path = ['gates', index, 'steps', stepIndex, 'target'];
      if (project === ctx.data.settings.projectName && isGateRunTarget(ctx, target)) {
        ctx.errorAt(gates, path, `${step.target} runs gates itself, so the gate would wait for itself; expected a target that does the work (a build, a test, validate)`);
      } else if (!targets) ctx.errorAt(gates, path, `unknown Nx project "${project}" in ${step.target}, expected one of: ${knownList(ctx.options.projects!.keys(), project)}`);
      else if (!targets.includes(target)) ctx.errorAt(gates, path, `project ${project} has no target "${target}", expected one of: ${knownList(targets, target)}`);
    });
  });
}

/** The governance project's targets that run gates: every gate and every aggregate of gates. */
function isGateRunTarget(ctx: RuleContext, target: string): boolean {
  const gateTarget = ctx.options.gateTargetName ?? DEFAULT_GATE_TARGET;
  return ctx.gateIds()?.has(target) === true || target === gateTarget || target.startsWith(scopeTargetName(gateTarget, ''));
}

/**
 * Every gate some gate run selects: a release class's gates, a milestone's minimum set, a task card's
 * required gates. Undefined while the playbook is missing or broken, when nothing can be said.
 */
export function requiredGateIds(data: GovernanceData): Set<string> | undefined {
  const playbook = data.playbook?.data;
  if (!playbook) return undefined;
  return new Set([
    ...playbook.releaseClasses.flatMap((c) => c.gates),
    ...(playbook.minimumGatesPerMilestone ?? []).flatMap((m) => m.gates),
    ...data.milestones.flatMap((m) => m.taskCards.flatMap((c) => c.requiredGates)),
  ]);
}
