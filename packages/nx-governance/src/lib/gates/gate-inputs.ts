import type { Gate } from '../schemas/gates';

/**
 * What a gate reads, the one rule for its cache inputs. A command step may read
 * anything, so a gate with command steps that declares neither `inputs` nor
 * `projects` reads the whole workspace (less the evidence it writes):
 * correctness first, a narrower set only when the gate says so.
 */
export type GateReads =
  | { kind: 'everything'; except: string[] }
  | { kind: 'declared'; globs: string[]; projects: string[] };

export function gateReads(gate: Gate, evidenceFolder: string): GateReads {
  const hasCommandSteps = gate.kind === 'command' && gate.steps.some((step) => !('target' in step));
  if (hasCommandSteps && gate.inputs === undefined && gate.projects === undefined) return { kind: 'everything', except: [evidenceFolder] };
  return { kind: 'declared', globs: gate.inputs ?? [], projects: gate.projects ?? [] };
}

/** The gates that re-run on any change in the workspace, for `validate` to point out. */
export function gatesReadingEverything(gates: readonly Gate[], evidenceFolder: string): string[] {
  return gates.filter((gate) => gateReads(gate, evidenceFolder).kind === 'everything').map((gate) => gate.id);
}
