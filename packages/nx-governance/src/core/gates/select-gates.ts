import type { TaskCard } from '../milestone/model';
import type { Gate } from '../schemas/gates';
import type { GovernanceData } from '../workspace/load-governance';
import { knownList } from '../validation/rule-context';

export interface GateSelection {
  /** What was asked for, in words, for the summary. */
  scope: string;
  releaseClass?: string;
  gates: Gate[];
  /** Task cards whose evidence this run writes, each with the gates it requires. */
  tasks: Array<{ task: string; milestone: string; gates: string[] }>;
}

export interface GateRequest {
  gate?: string;
  task?: string;
  milestone?: string;
  releaseClass?: string;
}

/**
 * Which gates a run needs: one gate, a task card's required gates, every card
 * of a milestone, or (by default) the release class's gate set.
 */
export function selectGates(data: GovernanceData, request: GateRequest): { selection?: GateSelection; error?: string } {
  const gates = data.gates?.data.gates ?? [];
  const byId = new Map(gates.map((g) => [g.id, g]));
  const resolve = (ids: string[], owner: string): { gates?: Gate[]; error?: string } => {
    const unknown = ids.filter((id) => !byId.has(id));
    if (unknown.length) return { error: `${owner} requires unknown gate(s) ${unknown.join(', ')}; known gates: ${knownList(byId.keys())}` };
    return { gates: [...new Set(ids)].map((id) => byId.get(id)!) };
  };
  const cards = data.milestones.flatMap((m) => m.taskCards.map((card) => ({ card, milestone: m.id })));
  const taskEntry = ({ card, milestone }: { card: TaskCard; milestone: string }) => ({ task: card.id, milestone, gates: card.requiredGates });

  if (request.gate) {
    if (!byId.has(request.gate)) return { error: `unknown gate ${request.gate}; known gates: ${knownList(byId.keys())}` };
    return { selection: { scope: `gate ${request.gate}`, gates: [byId.get(request.gate)!], tasks: [] } };
  }
  if (request.task) {
    const found = cards.find((c) => c.card.id === request.task);
    if (!found) return { error: `unknown task ${request.task}; known tasks: ${knownList(cards.map((c) => c.card.id))}` };
    const resolved = resolve(found.card.requiredGates, `task ${request.task}`);
    if (resolved.error) return { error: resolved.error };
    return { selection: { scope: `task ${request.task}`, gates: resolved.gates!, tasks: [taskEntry(found)] } };
  }
  if (request.milestone) {
    const inMilestone = cards.filter((c) => c.milestone === request.milestone);
    if (!data.milestones.some((m) => m.id === request.milestone)) {
      return { error: `unknown milestone ${request.milestone}; known milestones: ${knownList(data.milestones.map((m) => m.id))}` };
    }
    const resolved = resolve(inMilestone.flatMap((c) => c.card.requiredGates), `milestone ${request.milestone}`);
    if (resolved.error) return { error: resolved.error };
    return { selection: { scope: `milestone ${request.milestone}`, gates: resolved.gates!, tasks: inMilestone.map(taskEntry) } };
  }
  const playbook = data.playbook?.data;
  const classId = request.releaseClass ?? playbook?.defaultReleaseClass;
  if (!playbook || !classId) return { selection: { scope: 'every gate (no playbook release class)', gates, tasks: [] } };
  const releaseClass = playbook.releaseClasses.find((c) => c.id === classId);
  if (!releaseClass) return { error: `unknown release class ${classId}; known classes: ${knownList(playbook.releaseClasses.map((c) => c.id))}` };
  const resolved = resolve(releaseClass.gates, `release class ${classId}`);
  if (resolved.error) return { error: resolved.error };
  return { selection: { scope: `release class ${classId} (${releaseClass.title})`, releaseClass: classId, gates: resolved.gates!, tasks: [] } };
}
