/**
 * A small governance folder whose ids are not the default forms: `GATE-` gates,
 * `REL-<n>` milestones and `REL-<n>.<m>` tasks, as issue 13 asks to support.
 */
export const CUSTOM_IDS = {
  gate: '^GATE-[A-Z0-9-]+$',
  milestone: '^REL-\\d+$',
  task: '^(?<milestone>REL-\\d+)\\.\\d+$',
};

export const customIdSettings = (ids: Record<string, string> = CUSTOM_IDS) =>
  `${JSON.stringify({ $schema: 'governance.schema.json', core: { project: 'core' }, ids }, null, 2)}\n`;

export const customIdGates = (id = 'GATE-BUILD-1') =>
  `${JSON.stringify(
    { $schema: 'gates.schema.json', gates: [{ id, title: 'Builds', scope: 'the build', owner: 'release-manager', kind: 'command', steps: [{ argv: ['node', '-e', '0'] }], inputs: [] }] },
    null,
    2,
  )}\n`;

export const customIdMilestone = (cards = '### REL-3.1 Build it\n\n- Goal: build.\n- Status: todo\n- Required gates: GATE-BUILD-1\n') =>
  `# REL-3 - First release\n\n## Objective\n\nShip it.\n\n## Task Cards\n\n${cards}`;

/** The files of the folder, each replaceable. */
export function customIdFiles(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    'governance/governance.json': customIdSettings(),
    'governance/gates.json': customIdGates(),
    'governance/milestones/REL-3.md': customIdMilestone(),
    ...overrides,
  };
}
