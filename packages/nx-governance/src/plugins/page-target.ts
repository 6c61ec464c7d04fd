import type { TargetConfiguration } from '@nx/devkit';
import type { GovernanceSettings } from '../lib/schemas/governance';
import type { Input } from './governance-inputs';

/** Today's date, hashed: ages and due dates on the page change with it, so yesterday's page is not restored today. */
const TODAY: Input = { runtime: `node -e "process.stdout.write(new Date().toISOString().slice(0,10))"` };

/**
 * The page, cached on exactly what it reads: what the check of the data reads
 * (`checkInputs`), the whole evidence folder (records, results, attestations,
 * decisions), the inputs of every gate (a gate's state depends on whether its
 * recorded task hash is still the one Nx computes from them), today's date
 * and the plugin. Its outputs are the page and the model `--json` writes.
 */
export function pageTarget(settingsFile: string, settings: GovernanceSettings, checkInputs: Input[], gateTargets: TargetConfiguration[], pluginInputs: Input[]): TargetConfiguration {
  // Without dependsOn, the outputs of a gate's dependencies mean nothing here; the projects they come from are inputs already.
  const gateInputs = gateTargets.flatMap((t) => t.inputs ?? []).filter((input) => !(typeof input === 'object' && 'dependentTasksOutputFiles' in input));
  const seen = new Set<string>();
  const inputs = [...checkInputs, `{workspaceRoot}/${settings.paths.evidence}/**/*`, ...gateInputs, TODAY, ...pluginInputs].filter((input) => {
    const key = JSON.stringify(input);
    return !seen.has(key) && !!seen.add(key);
  });
  return {
    executor: 'nx-governance:page',
    cache: true,
    inputs,
    outputs: ['{options.output}', '{options.json}'],
    options: { settingsFile, output: 'reports/governance-page.html' },
    metadata: { description: 'Write one self-contained HTML page of the governance (--output, --json for its model)', technologies: ['nx-governance'] },
  };
}
