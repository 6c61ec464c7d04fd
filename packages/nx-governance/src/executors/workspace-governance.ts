import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ExecutorContext, logger } from '@nx/devkit';
import { formatDiagnostic } from '../lib/diagnostics';
import type { SignaturePolicySource } from '../lib/evidence/signature-policy';
import { type UsableSigningKey, usableSigningKey as usableSigningKeyIn } from '../lib/evidence/usable-signing-key';
import { diskFileReader } from '../lib/workspace/file-reader';
import { type CheckedGovernance, loadCheckedGovernance } from '../lib/workspace/load-checked-governance';
import { projectRoots, projectTargets } from './project-targets';
import { pluginOptionsIn } from '../plugins/options';

/**
 * The governance data a judging executor may trust, checked by every rule
 * `validate` runs against the workspace's real projects and targets. When it
 * is not ok the problems are already printed, as `validate` prints them: the
 * caller only returns `{ success: false }`.
 */
export function loadGovernanceForExecutor(context: ExecutorContext, settingsFile: string): CheckedGovernance {
  const checked = loadCheckedGovernance(diskFileReader(context.root), settingsFile, {
    projects: projectTargets(context),
    projectRoots: projectRoots(context),
    gateTargetName: pluginOptionsIn(context.nxJsonConfiguration).gateTargetName,
  });
  if (!checked.ok) reportInvalidGovernance(checked.errors, (line) => logger.error(line));
  return checked;
}

export function reportInvalidGovernance(errors: Parameters<typeof formatDiagnostic>[0][], print: (line: string) => void): void {
  for (const problem of errors) print(formatDiagnostic(problem));
  print(`Governance is invalid (${errors.length} error(s)), so nothing was judged. Fix the files above; nx run governance:validate lists the same problems.`);
}

/** The signing key of the workspace's executors, refused unless the signature policy of `governance` would accept its records. */
export function usableSigningKey(root: string, governance: SignaturePolicySource, env: NodeJS.ProcessEnv = process.env): UsableSigningKey {
  return usableSigningKeyIn(diskFileReader(root), governance, env);
}

export function toolVersions(root: string): { nx?: string; plugin?: string } {
  const versionOf = (name: string) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [root] }), 'utf8')).version as string;
    } catch {
      return undefined;
    }
  };
  return { nx: versionOf('nx'), plugin: JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version };
}
