import type { TargetConfiguration } from '@nx/devkit';
import { gateEvidenceFolder, taskCopyBase } from '../lib/evidence/gate-store';
import { keysFolderOf } from '../lib/evidence/signature-policy';
import { attestationsFolder } from '../lib/evidence/evidence-layout';
import { gateReads } from '../lib/gates/gate-inputs';
import type { GateScope } from '../lib/gates/gate-scopes';
import type { Gate } from '../lib/schemas/gates';
import type { GovernanceSettings } from '../lib/schemas/governance';
import { gateDefinitionInput, toolVersionInputs } from './gate-hash-inputs';
import type { Input } from './governance-inputs';

const technologies = ['nx-governance'];

/**
 * One cached target per gate, named by its id. Its inputs are what the gate
 * reads (`gateReads`: the whole workspace unless the gate declares less), the
 * digest of its own definition and the versions of the programs its steps run
 * (see gate-hash-inputs), the projects and build outputs of its Nx target
 * steps, the environment it declares and, for a manual gate, its attestations.
 * Its outputs are its latest evidence. Nothing in its options varies with its
 * definition, wherever that is kept: Nx hashes every target's options into
 * every task of the project.
 */
export function gateTarget(gate: Gate, settingsFile: string, settings: GovernanceSettings, pluginInputs: Input[]): TargetConfiguration {
  const inputs: Input[] = [gateDefinitionInput(gate), ...toolVersionInputs(gate)];
  const dependsOn: NonNullable<TargetConfiguration['dependsOn']> = [];
  if (gate.kind === 'command') {
    for (const step of gate.steps) {
      if (!('target' in step)) continue;
      const [project, target] = step.target.split(':');
      dependsOn.push({ projects: [project], target });
      inputs.push({ input: 'default', projects: [project] });
    }
    if (dependsOn.length) inputs.push({ dependentTasksOutputFiles: '**/*', transitive: false });
    for (const name of gate.requires?.env ?? []) inputs.push({ env: name });
  } else {
    inputs.push(`{workspaceRoot}/${attestationsFolder(settings, gate.id)}/**/*`);
  }
  // Whether records must be signed (a trusted key in the keys folder) is part of what a run produces. The signing key's
  // path is not: it differs from machine to machine, and hashing it would keep clones from sharing a remote cache.
  inputs.push(`{workspaceRoot}/${keysFolderOf(settingsFile)}/**/*`);
  const reads = gateReads(gate, settings.paths.evidence);
  if (reads.kind === 'everything') inputs.push('{workspaceRoot}/**/*', ...reads.except.map((folder) => `!{workspaceRoot}/${folder}/**/*`));
  else inputs.push(...reads.globs.map((glob) => `{workspaceRoot}/${glob}`), ...reads.projects.map((project) => ({ input: 'default', projects: [project] })));
  const folder = gateEvidenceFolder(settings, gate.id);
  return {
    executor: 'nx-governance:run-gate',
    cache: true,
    ...(dependsOn.length ? { dependsOn } : {}),
    inputs: [...uniqueInputs(inputs), ...pluginInputs],
    // The chain and the logs travel with the latest record, so a restore on another clone or machine
    // leaves every reader the same history. Nx restores globbed outputs without deleting the files it
    // did not cache, so newer local records survive a restore of an older entry.
    outputs: [`{workspaceRoot}/${folder}/latest.json`, `{workspaceRoot}/${folder}/latest.md`, `{workspaceRoot}/${folder}/records/*`, `{workspaceRoot}/${folder}/logs/*`],
    options: { settingsFile, gate: gate.id },
    metadata: { description: `${gate.kind === 'manual' ? 'Manual gate' : 'Gate'}: ${gate.title} (${gate.enforcement})`, technologies },
  };
}

/**
 * The target that runs a scope's gates: Nx runs them as its dependencies (in
 * parallel, from the cache where nothing changed) and its executor judges
 * (judgeGateEvidence), files the task cards' evidence and reports. Cached on
 * what the check of the governance data reads (`checkInputs`) and the plugin,
 * not on its gates' records: what Nx restores is storage, not a judgement, so
 * the post-run hook judges every restored aggregate again with the hashes Nx
 * gave its gates in this run, writes the evidence and reports, prints the
 * records' table when a gate ran in this run, and fails the command when the
 * records no longer hold a pass (someone who can write to a remote cache can
 * upload a passing aggregate). Hashing the gates' outputs as well made Nx
 * expand every gate's records and logs before each run: 1,000 gates cost 1.4
 * times restoring them, where judging them costs about 1 s
 * (docs/design/evidence-judgement.md, `npm run bench:gates`).
 */
export function gateScopeTarget(
  scope: GateScope,
  settingsFile: string,
  settings: GovernanceSettings,
  knownGates: ReadonlySet<string>,
  checkInputs: Input[],
  pluginInputs: Input[],
): TargetConfiguration {
  const scopeOption = { 'release-class': { releaseClass: scope.id }, milestone: { milestone: scope.id }, task: { task: scope.id }, default: {} }[scope.kind];
  return {
    executor: 'nx-governance:gate',
    cache: true,
    inputs: [...checkInputs, ...pluginInputs],
    outputs: taskCopyOutputs(scope, settings),
    // A gate the data names but does not define has no target; the executor fails on it through the loader.
    dependsOn: scope.gates.filter((id) => knownGates.has(id)).map((id) => ({ target: id, params: 'ignore' as const })),
    options: { settingsFile, ...scopeOption },
    metadata: { description: `Run the gates of ${scope.describe} and report (${scope.gates.length} gate(s))`, technologies },
  };
}

/** Where a scope files its task cards' evidence, whatever day the gates ran: what a restore must bring back. */
function taskCopyOutputs(scope: GateScope, settings: GovernanceSettings): string[] {
  const outputs = scope.tasks.flatMap(({ milestone, task }) => {
    const base = taskCopyBase(settings, '*', { date: '*', milestone, task });
    // A second copy on one day is `<base>-r2`, which `<base>` already matches when it ends in the gate's `*`.
    const bases = base.endsWith('*') ? [base] : [base, `${base}-r*`];
    return bases.flatMap((b) => [`{workspaceRoot}/${b}.md`, `{workspaceRoot}/${b}.json`]);
  });
  return [...new Set(outputs)];
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
