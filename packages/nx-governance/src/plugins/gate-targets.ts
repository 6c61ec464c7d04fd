import type { TargetConfiguration } from '@nx/devkit';
import { canonicalJson, sha256 } from '../core/evidence/seal-record';
import { gateEvidenceFolder } from '../core/evidence/gate-store';
import { attestationFolder } from '../core/gates/attestation';
import type { Gate } from '../core/schemas/gates';
import type { GovernanceSettings } from '../core/schemas/governance';

type Input = NonNullable<TargetConfiguration['inputs']>[number];

/**
 * One cached target per gate, named by its id. Its inputs are what the gate
 * reads: its own definition (through the options Nx hashes), the folders its
 * commands run in, the projects and build outputs of its Nx target steps, the
 * environment it declares, and, for a manual gate, the files its attestation
 * covers and the attestations themselves. Its outputs are its evidence.
 */
export function gateTarget(gate: Gate, settingsFile: string, settings: GovernanceSettings, pluginInputs: Input[]): TargetConfiguration {
  const inputs: Input[] = [];
  const dependsOn: NonNullable<TargetConfiguration['dependsOn']> = [];
  if (gate.kind === 'command') {
    for (const step of gate.steps) {
      if ('target' in step) {
        const [project, target] = step.target.split(':');
        dependsOn.push({ projects: [project], target });
        inputs.push({ input: 'default', projects: [project] });
      } else {
        inputs.push(...commandStepInputs(step.argv, step.cwd));
      }
    }
    inputs.push(...gate.inputs.map((glob) => `{workspaceRoot}/${glob}`));
    if (dependsOn.length) inputs.push({ dependentTasksOutputFiles: '**/*', transitive: false });
    for (const name of gate.requires?.env ?? []) inputs.push({ env: name });
  } else {
    inputs.push(...gate.inputs.map((glob) => `{workspaceRoot}/${glob}`), `{workspaceRoot}/${attestationFolder(settings, gate.id)}/**/*`);
  }
  const folder = gateEvidenceFolder(settings, gate.id);
  return {
    executor: 'nx-governance:run-gate',
    cache: true,
    ...(dependsOn.length ? { dependsOn } : {}),
    inputs: [...uniqueInputs(inputs), ...pluginInputs],
    outputs: [`{workspaceRoot}/${folder}/latest.json`, `{workspaceRoot}/${folder}/latest.md`],
    options: { settingsFile, gate: gate.id, definition: sha256(canonicalJson(gate)) },
    metadata: { description: `${gate.kind === 'manual' ? 'Manual gate' : 'Gate'}: ${gate.title} (${gate.enforcement})`, technologies: ['nx-governance'] },
  };
}

/**
 * A step run in a folder reads that folder; a step run from the root reads the
 * workspace paths among its arguments (a script, a binary). Gitignored build
 * output is never an input; anything else a step reads goes in the gate's `inputs`.
 */
function commandStepInputs(argv: string[], cwd: string | undefined): string[] {
  if (cwd) return [`{workspaceRoot}/${cwd}/**/*`];
  return argv.filter((arg) => /^[\w.-]+(\/[\w.-]+)+$/.test(arg) && !arg.includes('..')).map((path) => `{workspaceRoot}/${path}`);
}

function uniqueInputs(inputs: Input[]): Input[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const key = JSON.stringify(input);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
