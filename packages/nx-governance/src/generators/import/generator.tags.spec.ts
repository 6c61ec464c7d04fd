import { spawnSync } from 'node:child_process';
import { FsTree } from 'nx/src/generators/tree';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import importGenerator from './generator';

/**
 * A consumer row names core versions without dates (mixed-style fixture: "1.4.2, 1.5.0"); a release needs a date.
 * The date of the git tag of the version is the release's date; with no tag the tuple stays for review (issue 19, 3).
 */
const GATES = '# Gates\n\n| Gate ID | Scope | Command |\n|---|---|---|\n| VG-CORE-001 | build | `node -e 0` |\n';
const MATRIX = [
  '# Compatibility',
  '',
  'We support the two most recent minor releases; deprecations are announced 90 days before removal.',
  '',
  '| Consumer | Validated core versions | Tier |',
  '|---|---|---|',
  '| pyferro | 1.4.2, 1.5.0 | supported |',
  '',
].join('\n');

describe('core versions of a consumer row without a date', () => {
  let root: string;
  let cleanup: () => void;
  const git = (args: string[], date?: string) => {
    const env = { ...process.env, ...(date ? { GIT_COMMITTER_DATE: `${date}T12:00:00Z`, GIT_AUTHOR_DATE: `${date}T12:00:00Z` } : {}) };
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8', env });
    if (result.status !== 0) throw new Error(result.stderr);
  };
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace({ 'nx.json': '{}\n', 'package.json': '{"name":"ws"}\n', 'pyferro/project.json': '{"name":"pyferro","root":"pyferro"}\n' }));
    git(['init', '-q']);
    git(['add', '-A']);
    git(['commit', '-qm', 'one'], '2026-03-02');
    git(['tag', '-a', 'v1.5.0', '-m', 'ferrocore 1.5.0'], '2026-04-10');
  });
  afterEach(() => cleanup());

  it('take the date of the tag v<version>; a version with no tag stays for review', async () => {
    const tree = new FsTree(root, false);
    tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'ferrocore' } }, null, 2)}\n`);
    tree.write('docs/plan/GATES.md', GATES);
    tree.write('docs/plan/COMPATIBILITY.md', MATRIX);
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const compat = JSON.parse(tree.read('governance/compatibility.json', 'utf8') ?? 'null');
    expect(compat.releases).toEqual([{ version: '1.5.0', date: '2026-04-10' }]);
    expect(compat.tuples.map((t: { core: string }) => t.core)).toEqual(['1.5.0']);
    const report = tree.read('governance/import-report.md', 'utf8') ?? '';
    expect(report).toContain('release 1.5.0: dated 2026-04-10, the date of git tag v1.5.0 (the prose gives none)');
    expect(report).toMatch(/tuple pyferro-core: core 1\.4\.2 has no release date in the prose .*and no git tag v1\.4\.2 or 1\.4\.2/);
  });
});
