import { RELEASE_MANAGER_ROLE } from '../schemas/common';
/** The gate every new governance folder starts with: its own data is valid. */
export const GOVERNANCE_GATE = 'VG-GOVERNANCE-001';

export function defaultGates(projectName: string): object[] {
  return [
    {
      id: GOVERNANCE_GATE,
      title: 'Governance data is valid',
      scope: 'Every governance file against its schema and the rules across files',
      kind: 'command',
      enforcement: 'blocking',
      owner: RELEASE_MANAGER_ROLE,
      steps: [{ target: `${projectName}:validate` }],
    },
  ];
}

/**
 * A playbook a team can start from: one release class, the checklist and
 * go/no-go rules the plugin can check, the rollback triggers it can judge from
 * the start (functional, compatibility) and a procedure with owners. No
 * performance trigger: one on a metric file nothing writes kept rollback-check
 * inconclusive for good; a team adds one on its benchmark gate's metric.
 */
export function defaultPlaybook(gates: string[]): object {
  return {
    roles: [
      { id: RELEASE_MANAGER_ROLE, title: 'Release manager', owner: 'to be assigned' },
      { id: 'compatibility-owner', title: 'Compatibility owner', owner: 'to be assigned' },
    ],
    releaseClasses: [{ id: 'R1', title: 'Standard release', description: 'Every release until classes are defined.', gates }],
    defaultReleaseClass: 'R1',
    preReleaseChecklist: [
      { id: 'gates-green', text: 'Every gate of the release class has passing evidence for the release commit.', owner: RELEASE_MANAGER_ROLE },
      { id: 'consumers-green', text: 'Every consumer has a passing compatibility result against the release build.', owner: 'compatibility-owner' },
      { id: 'rollback-tuple', text: 'A rollback tuple is recorded for every consumer.', owner: 'compatibility-owner' },
    ],
    goNoGo: [
      { id: 'blocking-gates', text: 'Go only when every blocking gate of the class passed.', owner: RELEASE_MANAGER_ROLE },
      { id: 'no-unsupported-consumer', text: 'No-go while a consumer in the support window is unsupported.', owner: 'compatibility-owner' },
    ],
    rollbackTriggers: [
      { id: 'functional', kind: 'functional', gates, description: 'A required gate fails for the released commit.' },
      { id: 'compatibility', kind: 'compatibility', description: 'A consumer in the support window regresses against the released core.' },
    ],
    rollbackProcedure: [
      { step: 'Announce the rollback with the trigger that fired and freeze merges.', owner: RELEASE_MANAGER_ROLE },
      { step: 'Re-publish the rollback tuple from the compatibility matrix as current.', owner: 'compatibility-owner' },
      { step: 'Tell every consumer which tuple to pin to, and open a task card for the cause.', owner: RELEASE_MANAGER_ROLE },
    ],
  };
}

export function defaultCadence(gate: string | undefined): object {
  return {
    activities: [
      { id: 'gates-per-change', title: 'Gates of the release class', interval: 'per-change', owner: RELEASE_MANAGER_ROLE, output: 'gate evidence', ...(gate ? { gate } : {}) },
      { id: 'compat-run', title: 'Compatibility run of every consumer', interval: 'weekly', owner: 'compatibility-owner', output: 'compatibility results in evidence/compat', evidence: 'compat-results' },
      { id: 'decision-log-review', title: 'Decision log review', interval: 'monthly', owner: RELEASE_MANAGER_ROLE, output: 'decisions made or dated' },
    ],
    ownership: { decisionLog: RELEASE_MANAGER_ROLE, compatibilityMatrix: 'compatibility-owner' },
  };
}

/** Policy defaults when no document states one; a stated window or lead time always wins. */
export const DEFAULT_POLICY = { supportWindow: { latestMinors: 2 }, minimumTuplesPerConsumer: 2, deprecationLeadTimeDays: 30 };
