import type { GovernanceData } from '../workspace/load-governance';
import { DEFAULT_TARGET_NAMES, scopeTargetName } from '../workspace/target-names';

/** A set of gates that one Nx target runs: a release class, a milestone, a task card, or the default class. */
export interface GateScope {
  kind: 'default' | 'release-class' | 'milestone' | 'task';
  id: string;
  /** The aggregate target of the governance project that runs this scope. */
  target: string;
  /** What was asked for, in words, for the summary. */
  describe: string;
  releaseClass?: string;
  /** Gate ids in order, as the data names them (unknown ids are the validator's to report). */
  gates: string[];
  /** Task cards whose evidence a run of this scope writes, each with the gates it requires. */
  tasks: Array<{ task: string; milestone: string; gates: string[] }>;
}

/** Default name of the aggregate that runs the default release class; the others are `<name>-<id>`. */
export const DEFAULT_GATE_TARGET = DEFAULT_TARGET_NAMES.gateTargetName;

/**
 * Every scope the data defines, each with the target that runs it: `gate`
 * (the playbook's default class, or every gate without a playbook),
 * `gate-<class>`, `gate-<milestone>`, `gate-<task>`. The first scope to claim
 * a target name keeps it, so names stay stable when ids collide.
 */
export function gateScopes(data: GovernanceData, gateTarget = DEFAULT_GATE_TARGET): GateScope[] {
  const playbook = data.playbook?.data;
  const allGates = data.gates?.data.gates.map((g) => g.id) ?? [];
  const scopes: GateScope[] = [];
  const defaultClass = playbook?.releaseClasses.find((c) => c.id === playbook.defaultReleaseClass);
  scopes.push(
    defaultClass
      ? { kind: 'default', id: defaultClass.id, target: gateTarget, describe: `release class ${defaultClass.id} (${defaultClass.title})`, releaseClass: defaultClass.id, gates: unique(defaultClass.gates), tasks: [] }
      : { kind: 'default', id: '*', target: gateTarget, describe: 'every gate (no playbook release class)', gates: allGates, tasks: [] },
  );
  for (const releaseClass of playbook?.releaseClasses ?? []) {
    scopes.push({
      kind: 'release-class',
      id: releaseClass.id,
      target: scopeTargetName(gateTarget, releaseClass.id),
      describe: `release class ${releaseClass.id} (${releaseClass.title})`,
      releaseClass: releaseClass.id,
      gates: unique(releaseClass.gates),
      tasks: [],
    });
  }
  for (const milestone of data.milestones) {
    const tasks = milestone.taskCards.map((card) => ({ task: card.id, milestone: milestone.id, gates: unique(card.requiredGates) }));
    scopes.push({ kind: 'milestone', id: milestone.id, target: scopeTargetName(gateTarget, milestone.id), describe: `milestone ${milestone.id}`, gates: unique(tasks.flatMap((t) => t.gates)), tasks });
    for (const task of tasks) {
      scopes.push({ kind: 'task', id: task.task, target: scopeTargetName(gateTarget, task.task), describe: `task ${task.task}`, gates: task.gates, tasks: [task] });
    }
  }
  const claimed = new Set<string>();
  return scopes.filter((scope) => !claimed.has(scope.target) && claimed.add(scope.target));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
