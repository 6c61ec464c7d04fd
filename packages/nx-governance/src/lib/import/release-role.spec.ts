import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import importGenerator from '../../generators/import/generator';

/** crlf-bom fixture: the playbook names a "Release owner"; a rollback step and a gate name no owner (issue 19, 5). */
const PLAYBOOK = [
  '# Release playbook',
  '',
  '## Roles',
  '',
  '| Role | Who |',
  '|------|-----|',
  '| Maintainer | @quinn |',
  '| Release owner | @rae |',
  '',
  '## Rollback procedure',
  '',
  '1. Consumer owners re-pin to the rollback tuple.',
  '',
].join('\n');
const GATES = '# Gates\n\n| Gate ID | Scope | Command |\n|---|---|---|\n| VG-BUILD-001 | build | `node -e 0` |\n';

describe("the owner an import assumes where the prose names none", () => {
  it("is the playbook's own release role, not a release-manager role nobody defined beside it", async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('governance/governance.json', '{}\n');
    tree.write('docs/process/PLAYBOOK.md', PLAYBOOK);
    tree.write('docs/process/GATES.md', GATES);
    await importGenerator(tree, { source: 'docs/process', skipFormat: true });
    const playbook = JSON.parse(tree.read('governance/playbook.json', 'utf8') ?? 'null');
    expect(playbook.roles.map((r: { id: string }) => r.id)).toEqual(['maintainer', 'release-owner']);
    expect(playbook.rollbackProcedure).toEqual([{ step: 'Consumer owners re-pin to the rollback tuple.', owner: 'release-owner' }]);
    expect(JSON.parse(tree.read('governance/gates.json', 'utf8') ?? 'null').gates[0].owner).toBe('release-owner');
    expect(tree.read('governance/import-report.md', 'utf8')).toContain("no owner that is a role; release-owner assumed (the playbook's release role)");
  });
});
