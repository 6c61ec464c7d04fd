import { spawnSync } from 'node:child_process';
import { FsTree } from 'nx/src/generators/tree';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import importGenerator from './generator';

/**
 * A consumer row names core versions without dates (mixed-style fixture: "1.4.2, 1.5.0"); a release needs a date.
 * The date of the git tag of the version is the release's date, and a commit's own date a commit's; what git cannot
 * date is written undated, for review (issue 19, 3).
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

  it('take the date of the tag v<version>; a version with no tag is written undated, for review', async () => {
    const tree = new FsTree(root, false);
    tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'ferrocore' } }, null, 2)}\n`);
    tree.write('docs/plan/GATES.md', GATES);
    tree.write('docs/plan/COMPATIBILITY.md', MATRIX);
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const compat = JSON.parse(tree.read('governance/compatibility.json', 'utf8') ?? 'null');
    expect(compat.releases).toEqual([{ version: '1.5.0', date: '2026-04-10' }, { version: '1.4.2' }]);
    expect(compat.tuples.map((t: { id: string; core: string }) => [t.id, t.core])).toEqual([
      ['pyferro-1-4-2', '1.4.2'],
      ['pyferro-1-5-0', '1.5.0'],
    ]);
    const report = tree.read('governance/import-report.md', 'utf8') ?? '';
    expect(report).toContain('release 1.5.0: dated 2026-04-10, the date of git tag v1.5.0 (the prose gives none)');
    expect(report).toMatch(/release 1\.4\.2: written without a date: the prose gives none .*and no git tag v1\.4\.2 or 1\.4\.2/);
  });

  it("dates a commit tuple by the commit's own date when the commit is in this repository; another commit is written undated", async () => {
    const head = spawnSync('git', ['rev-parse', '--short=7', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
    const tree = new FsTree(root, false);
    tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'ferrocore' } }, null, 2)}\n`);
    tree.write('docs/plan/GATES.md', GATES);
    tree.write('docs/plan/COMPATIBILITY.md', MATRIX.replace('1.4.2, 1.5.0', `\`${head}\` (current), \`abcdef1\` (rollback)`));
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const compat = JSON.parse(tree.read('governance/compatibility.json', 'utf8') ?? 'null');
    expect(compat.releases).toEqual([{ commit: head, date: '2026-03-02' }, { commit: 'abcdef1' }]);
    expect(compat.tuples.map((t: { id: string; core: string }) => [t.id, t.core])).toEqual([
      ['pyferro-current', head],
      ['pyferro-rollback', 'abcdef1'],
    ]);
    const report = tree.read('governance/import-report.md', 'utf8') ?? '';
    expect(report).toContain(`release ${head}: dated 2026-03-02, the date of commit ${head} in this repository (the prose gives none)`);
    expect(report).toContain('release abcdef1: written without a date: the prose gives none (a releases table, or a date in the row) and git knows no commit of it here');
  });
});
