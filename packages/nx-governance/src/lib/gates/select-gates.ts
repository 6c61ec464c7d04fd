import type { Gate } from '../schemas/gates';
import { knownList } from '../text/known-list';
import type { GovernanceData } from '../workspace/load-governance';
import { DEFAULT_GATE_TARGET, type GateScope, gateScopes } from './gate-scopes';

export interface GateSelection extends Omit<GateScope, 'gates'> {
  gates: Gate[];
}

export interface GateRequest {
  gate?: string;
  task?: string;
  milestone?: string;
  releaseClass?: string;
}

export type GateSelectionResult = { ok: true; selection: GateSelection } | { ok: false; error: string };

/**
 * Which gates a run needs: one gate, a task card's required gates, every card
 * of a milestone, a release class, or (by default) the playbook's default
 * class. Selecting no gate at all is an error: a run that judged nothing must
 * not read as a pass.
 */
export function selectGates(data: GovernanceData, request: GateRequest, gateTarget = DEFAULT_GATE_TARGET): GateSelectionResult {
  const gates = data.gates?.data.gates ?? [];
  const byId = new Map(gates.map((g) => [g.id, g]));
  const scopes = gateScopes(data, gateTarget);
  const scopeOf = (kind: GateScope['kind'], id: string, noun: string, plural: string): GateSelectionResult | GateScope => {
    const found = scopes.find((s) => s.kind === kind && s.id === id);
    if (found) return found;
    return { ok: false, error: `unknown ${noun} ${id}; known ${plural}: ${knownList(scopes.filter((s) => s.kind === kind).map((s) => s.id), id)}` };
  };

  let scope: GateSelectionResult | GateScope;
  if (request.gate) {
    const gate = byId.get(request.gate);
    if (!gate) return { ok: false, error: `unknown gate ${request.gate}; known gates: ${knownList(byId.keys(), request.gate)}` };
    return { ok: true, selection: { kind: 'default', id: gate.id, target: gate.id, describe: `gate ${gate.id}`, gates: [gate], tasks: [] } };
  } else if (request.task) scope = scopeOf('task', request.task, 'task', 'tasks');
  else if (request.milestone) scope = scopeOf('milestone', request.milestone, 'milestone', 'milestones');
  else if (request.releaseClass) scope = scopeOf('release-class', request.releaseClass, 'release class', 'release classes');
  else scope = scopes[0];
  if ('ok' in scope) return scope;

  const unknown = scope.gates.filter((id) => !byId.has(id));
  if (unknown.length) return { ok: false, error: `${scope.describe} requires unknown gate(s) ${unknown.join(', ')}; known gates: ${knownList(byId.keys(), unknown[0])}` };
  if (scope.gates.length === 0) return { ok: false, error: `${scope.describe} selects no gate, so a run would judge nothing; give it required gates first` };
  return { ok: true, selection: { ...scope, gates: scope.gates.map((id) => byId.get(id)!) } };
}
