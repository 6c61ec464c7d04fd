import { compatResultFolder } from '../compat/compat-paths';
import type { GovernanceSettings } from '../schemas/governance';
import type { ReadinessItem } from './evaluate-readiness';

export interface FixNames {
  governanceProject: string;
  /** Consumer name to its Nx project. */
  consumerProjects: ReadonlyMap<string, string>;
  compatTarget: string;
  version: string;
  settingsFile: string;
  settings: GovernanceSettings;
}

/**
 * The command that turns a readiness item that did not pass into a pass, so a NO-GO says what to
 * run, not only what is wrong. Keyed by the item's id, which evaluateReadiness gives each kind.
 */
export function readinessFix(item: ReadinessItem, names: FixNames): string | undefined {
  if (item.state === 'pass') return undefined;
  const [kind, subject] = splitId(item.id);
  switch (kind) {
    case 'gate': {
      const run = `npx nx run ${names.governanceProject}:${subject}`;
      const evidence = item.evidence[0]?.replace(/\.json$/, '.md');
      return item.state === 'fail' ? `fix what ${evidence ?? `${subject}'s evidence`} reports, then ${run}` : run;
    }
    case 'consumer': {
      const project = names.consumerProjects.get(subject) ?? subject;
      const run = `npx nx run ${project}:${names.compatTarget}`;
      return item.state === 'fail' ? `fix ${project} against the candidate (see ${compatResultFolder(names.settings, subject)}/latest.md), then ${run}` : run;
    }
    case 'consumers':
      return `give the core its folder in ${names.settingsFile} ("core": { "project": "...", "path": "packages/core" })`;
    case 'docs-in-sync':
      return 'npx nx sync, then commit the documents';
    case 'clean-tree':
      return `git add -A && git commit -m "chore(release): ${names.version}" (nx release version writes the version but does not commit it)`;
    case 'rollback':
      return `npx nx g nx-governance:rollback-tuple, then commit ${names.settingsFile.replace(/governance\.json$/, 'compatibility.json')}`;
    case 'release-blockers':
      return 'npx nx g nx-governance:task-card --task=<card> --status=done for each open card, once it is done';
    default:
      return undefined;
  }
}

function splitId(id: string): [string, string] {
  const colon = id.indexOf(':');
  return colon === -1 ? [id, ''] : [id.slice(0, colon), id.slice(colon + 1)];
}
