import { RELEASE_MANAGER_ROLE } from '../schemas/common';
import type { CadenceOwnership } from './cadence-ownership';
import type { ReportItem } from './import-log';

type Owned = { owner?: string };
/** What of an import names owners (import-prose's ImportedProse has these; named here so this file does not import it back). */
export interface OwnedProse {
  gates: Owned[];
  cadence: { activities: Owned[]; coOwners: string[]; ownership: CadenceOwnership };
  playbook: { roles: Array<{ id: string; title: string }>; rollbackProcedure: Owned[]; preReleaseChecklist: Owned[]; goNoGo: Owned[] };
  review: ReportItem[];
}

/** A role of the prose's playbook that runs releases: its id or title says release ("release-owner", "Release lead"). */
const RELEASE_ROLE = /\brelease\b/i;

/** The prose's own release role, unless the prose defines release-manager itself. */
function proseReleaseRole(roles: OwnedProse['playbook']['roles']): { id: string } | undefined {
  if (roles.some((r) => r.id === RELEASE_MANAGER_ROLE)) return undefined;
  return roles.find((r) => RELEASE_ROLE.test(r.id.replace(/-/g, ' ')) || RELEASE_ROLE.test(r.title));
}

/** The role the import writes where it must name an owner the prose does not: the prose's release role, else release-manager. */
export function releaseRoleOf(playbook: Pick<OwnedProse['playbook'], 'roles'>): string {
  return proseReleaseRole(playbook.roles)?.id ?? RELEASE_MANAGER_ROLE;
}

/**
 * What the import assumed when the prose named no owner (a gate, an activity, a
 * rollback step) is the prose's own release role where its playbook has one,
 * not a release-manager role nobody defined beside it. Ownership is rewritten
 * in place, and so are the report lines that said which role was assumed.
 */
export function assumeProseReleaseRole(result: OwnedProse): void {
  const role = proseReleaseRole(result.playbook.roles);
  if (!role) return;
  const owned = [...result.gates, ...result.cadence.activities, ...result.playbook.rollbackProcedure, ...result.playbook.preReleaseChecklist, ...result.playbook.goNoGo];
  for (const item of owned) if (item.owner === RELEASE_MANAGER_ROLE) item.owner = role.id;
  result.cadence.coOwners = result.cadence.coOwners.map((id) => (id === RELEASE_MANAGER_ROLE ? role.id : id));
  for (const key of ['decisionLog', 'compatibilityMatrix'] as const) if (result.cadence.ownership[key] === RELEASE_MANAGER_ROLE) result.cadence.ownership[key] = role.id;
  for (const item of result.review) item.why = item.why.replace(`${RELEASE_MANAGER_ROLE} assumed`, `${role.id} assumed (the playbook's release role)`);
}
