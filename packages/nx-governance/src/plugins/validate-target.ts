import type { TargetConfiguration } from '@nx/devkit';
import { CONSUMER_FILE, type GovernanceData } from '../lib/workspace/load-governance';
import { governanceDataInputs, type Input } from './governance-inputs';

/**
 * Validate, cached: its verdict depends on the governance files, on every
 * `governance.consumer.json`, and on the projects the data names: whether
 * each exists and which targets it has. Naming those projects as inputs
 * brings their configuration into the hash (Nx hashes the configuration of
 * every project an input names), so a target removed or renamed there runs
 * validate again; so does a project appearing that the data named in vain
 * (its name starts to match). A failure is never cached. Reports asked for
 * on a restored run are written by the post-run hook.
 */
export function validateTarget(settingsFile: string, data: GovernanceData, referencedProjects: readonly string[], pluginInputs: Input[]): TargetConfiguration {
  const projects = [...new Set(referencedProjects)].filter((project) => project && project !== data.settings.projectName).sort();
  return {
    executor: 'nx-governance:validate',
    cache: true,
    inputs: [
      ...governanceDataInputs(settingsFile, data.settings),
      `{workspaceRoot}/**/${CONSUMER_FILE}`,
      ...(projects.length ? [{ input: 'default', projects }] : []),
      ...pluginInputs,
    ],
    options: { settingsFile },
    metadata: { description: 'Check every governance file against its schema and the rules across files', technologies: ['nx-governance'] },
  };
}

/** The projects a gate's Nx target steps name (`project:target`). */
export function targetStepProjects(data: GovernanceData): string[] {
  return (data.gates?.data.gates ?? []).flatMap((gate) => (gate.kind === 'command' ? gate.steps.flatMap((step) => ('target' in step ? [step.target.split(':')[0]] : [])) : []));
}
