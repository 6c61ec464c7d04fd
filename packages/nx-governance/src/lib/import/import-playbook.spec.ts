import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import importGenerator from '../../generators/import/generator';

/**
 * The playbook as two corpus fixtures write it (issue 19): list-style's
 * "Who does what" and "Before tagging" (docs/governance/RELEASING.md:3, :21),
 * paragraphs' "Roles", "Before a release" and "How we roll back"
 * (plan/RELEASE-PLAYBOOK.md:3, :25, :54). Headings are read by what they mean.
 */
const GATES = '# Gates\n\n| Gate ID | Scope | Command |\n|---|---|---|\n| VG-CORE-001 | build | `node -e 0` |\n';

const LIST_RELEASING = `# Releasing ember

## Who does what

- Release captain — @ines (runs the release, owns the go/no-go call)
- Core maintainer — @olek
- ember-py maintainer — @raf

## Before tagging

- [ ] Release class written in the release PR description (release captain)
- [ ] Every gate of the class green on the release commit (core maintainer)

## Go / no-go

- Go only if no blocking gate of the class is red or missing.
`;

const PROSE_PLAYBOOK = `# Release and rollback

## Roles

The release is run by the **release lead** (currently Marta). The **core lane
owner** (Jonas) owns the core checks and executes the technical side of a
rollback.

## Before a release

The release lead confirms that the release class is written in the release
issue, and that the compatibility matrix has been updated. The consumer owners confirm
they have read the changelog. We go only when no blocking check of the class is
failing or missing; otherwise it is a no-go.

## How we roll back

First the release lead announces the rollback in the team channel. The core
lane owner then yanks the release and re-tags the previous one. Each consumer
owner re-pins to the rollback tuple.
`;

async function playbookOf(files: Record<string, string>) {
  const tree: Tree = createTreeWithEmptyWorkspace();
  tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'engine' } }, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) tree.write(`docs/plan/${name}`, text);
  await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
  return { playbook: JSON.parse(tree.read('governance/playbook.json', 'utf8') ?? 'null'), report: tree.read('governance/import-report.md', 'utf8') ?? '' };
}

type Item = { text: string; owner?: string };
const items = (list: Item[]) => list.map((i) => [i.text, i.owner]);

describe('a playbook written as lists under "Who does what" and "Before tagging"', () => {
  it('reads the roles with who holds them, and the pre-release checklist with each item\'s owner', async () => {
    const { playbook } = await playbookOf({ 'GATES.md': GATES, 'RELEASING.md': LIST_RELEASING });
    expect(playbook.roles.slice(0, 3).map((r: { id: string; owner: string }) => [r.id, r.owner])).toEqual([
      ['release-captain', '@ines'],
      ['core-maintainer', '@olek'],
      ['ember-py-maintainer', '@raf'],
    ]);
    expect(items(playbook.preReleaseChecklist)).toEqual([
      ['Release class written in the release PR description', 'release-captain'],
      ['Every gate of the class green on the release commit', 'core-maintainer'],
    ]);
    expect(items(playbook.goNoGo)).toEqual([['Go only if no blocking gate of the class is red or missing.', undefined]]);
  });
});

describe('"Checklist before tagging" (release-notes-style fixture)', () => {
  it('is the pre-release checklist, a numbered list', async () => {
    const releasing = '# Releasing\n\n## Checklist before tagging\n\n1. Every gate of the class has passing evidence.\n2. `CHANGELOG.md` has an entry for the version.\n';
    const { playbook } = await playbookOf({ 'GATES.md': GATES, 'RELEASING.md': releasing });
    expect(items(playbook.preReleaseChecklist).map(([text]) => text)).toEqual(['Every gate of the class has passing evidence.', 'CHANGELOG.md has an entry for the version.']);
  });
});

describe('a playbook written in paragraphs', () => {
  it('reads the roles in bold, "Before a release" sentence by sentence (the go/no-go one apart), and "How we roll back" as the procedure', async () => {
    const { playbook, report } = await playbookOf({ 'GATES.md': GATES, 'RELEASE-PLAYBOOK.md': PROSE_PLAYBOOK });
    expect(playbook.roles.slice(0, 2).map((r: { id: string; owner: string }) => [r.id, r.owner])).toEqual([
      ['release-lead', 'Marta'],
      ['core-lane-owner', 'Jonas'],
    ]);
    expect(items(playbook.preReleaseChecklist)).toEqual([
      ['The release lead confirms that the release class is written in the release issue, and that the compatibility matrix has been updated.', 'release-lead'],
      ['The consumer owners confirm they have read the changelog.', undefined],
    ]);
    expect(items(playbook.goNoGo)).toEqual([['We go only when no blocking check of the class is failing or missing; otherwise it is a no-go.', undefined]]);
    expect(playbook.rollbackProcedure).toEqual([
      { step: 'First the release lead announces the rollback in the team channel.', owner: 'release-lead' },
      { step: 'The core lane owner then yanks the release and re-tags the previous one.', owner: 'core-lane-owner' },
      { step: 'Each consumer owner re-pins to the rollback tuple.', owner: 'release-lead' },
    ]);
    expect(report).not.toContain('a placeholder step was written');
    expect(report).toContain('rollback step "Each consumer owner re-pins to the rollback tuple.": no owner that is a role');
  });
});

describe('"Before each release" in a maintenance cadence', () => {
  it('is the interval of its activities, not the pre-release checklist', async () => {
    const cadence = '# Maintenance cadence\n\n## Before each release\n\n- Walk the pre-release checklist of the playbook (Release captain).\n';
    const { playbook } = await playbookOf({ 'GATES.md': GATES, 'RELEASING.md': LIST_RELEASING, 'CADENCE.md': cadence });
    expect(items(playbook.preReleaseChecklist).map(([text]) => text)).toEqual(['Release class written in the release PR description', 'Every gate of the class green on the release commit']);
  });
});

describe('a rollback procedure table of numbered steps with an Action column (table-heavy fixture)', () => {
  it('takes each step from the action, not from its number', async () => {
    const playbook = [
      '# Release and rollback playbook',
      '',
      '## Roles',
      '',
      '| Role | Person |',
      '|---|---|',
      '| Release manager | Ana |',
      '| Core lane owner | Bo |',
      '',
      '## Rollback procedure',
      '',
      '| Step | Action | Owner |',
      '|------|--------|-------|',
      '| 1 | Announce the rollback in the release channel | release manager |',
      '| 2 | Yank the crate version | core lane owner |',
      '',
    ].join('\n');
    const { playbook: written } = await playbookOf({ 'GATES.md': GATES, 'PLAYBOOK.md': playbook });
    expect(written.rollbackProcedure).toEqual([
      { step: 'Announce the rollback in the release channel', owner: 'release-manager' },
      { step: 'Yank the crate version', owner: 'core-lane-owner' },
    ]);
  });
});

describe('"A required gate fails" when the prose defines no release class (mixed-style fixture)', () => {
  it('is a functional trigger on the gates of the class the import writes (every blocking gate), and says so', async () => {
    const gates = '# Gates\n\n| Gate ID | Scope | Command | Enforcement |\n|---|---|---|---|\n| VG-CORE-001 | build | `node -e 0` | blocking |\n| VG-CORE-002 | lint | `node -e 1` | advisory |\n| VG-CORE-003 | test | `node -e 2` | blocking |\n';
    const playbook = '# Release playbook\n\n## Rollback triggers\n\n1. A required gate fails on the release commit.\n';
    const { playbook: written, report } = await playbookOf({ 'GATES.md': gates, 'PLAYBOOK.md': playbook });
    expect(written.rollbackTriggers).toEqual([expect.objectContaining({ kind: 'functional', gates: ['VG-CORE-001', 'VG-CORE-003'] })]);
    expect(report).toContain('(gates VG-CORE-001, VG-CORE-003: every blocking gate, the release class the import writes)');
  });
});
