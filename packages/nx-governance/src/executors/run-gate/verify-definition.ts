import type { ExecutorContext } from '@nx/devkit';
import { gateDefinitionDigest } from '../../lib/gates/gate-digest';
import type { Gate } from '../../lib/schemas/gates';
import type { GovernanceData } from '../../lib/workspace/load-governance';
import { hashedGateDefinition } from '../../plugins/gate-hash-inputs';

/**
 * Why this run must not run the gate, or undefined: the definition read now
 * is not the one whose digest Nx hashed into the task (the file changed after
 * Nx built its graph, or the target was not inferred by this plugin). Running
 * it would cache, under a hash made for one definition, the result of another.
 */
export function definitionRefusal(context: ExecutorContext, data: GovernanceData, gate: Gate): string | undefined {
  const target = context.projectName && context.targetName ? context.projectsConfigurations?.projects[context.projectName]?.targets?.[context.targetName] : undefined;
  const hashed = hashedGateDefinition(target);
  const now = gateDefinitionDigest(gate);
  if (hashed === now) return undefined;
  const file = data.gateFiles[gate.id] ?? data.gates?.file ?? 'gates.json';
  const found = hashed ? `the digest ${hashed.slice(0, 12)}… Nx hashed` : 'no digest of it among the target\'s inputs';
  return `${gate.id}: its definition in ${file} (digest ${now.slice(0, 12)}…) is not the one this task was hashed for (found ${found}); run the command again so that Nx hashes the definition that runs`;
}
