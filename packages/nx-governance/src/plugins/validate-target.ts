import type { TargetConfiguration } from '@nx/devkit';
import type { Input } from './governance-inputs';

/**
 * Validate, cached: its verdict depends on what `checkedGovernanceInputs`
 * names: the governance files, every `governance.consumer.json`, and the
 * projects the data names: whether each exists and which targets it has.
 * Naming those projects as inputs brings their configuration into the hash
 * (Nx hashes the configuration of every project an input names), so a target
 * removed or renamed there runs validate again; so does a project appearing
 * that the data named in vain (its name starts to match). A failure is never
 * cached. Reports asked for on a restored run are written by the post-run hook.
 */
export function validateTarget(settingsFile: string, checkInputs: Input[], pluginInputs: Input[]): TargetConfiguration {
  return {
    executor: 'nx-governance:validate',
    cache: true,
    inputs: [...checkInputs, ...pluginInputs],
    options: { settingsFile },
    metadata: { description: 'Check every governance file against its schema and the rules across files', technologies: ['nx-governance'] },
  };
}
