import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import importGenerator from '../../generators/import/generator';

/**
 * Gates as the mixed-style corpus fixture writes them (issue 19): a table whose
 * command column is headed "What it runs", and headings with labelled bullets
 * ("- Command: …", "- Owner: …", "- Enforcement: advisory").
 */
function treeWith(files: Record<string, string>): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'engine' } }, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) tree.write(`docs/plan/${name}`, text);
  return tree;
}

type Gate = { id: string; kind: string; enforcement: string; owner: string; enforcementNote?: string; steps?: Array<{ argv?: string[] }>; passCriteria?: unknown };
const gatesOf = (tree: Tree): Gate[] => JSON.parse(tree.read('governance/gates.json', 'utf8') ?? '{"gates":[]}').gates;
const summary = (g: Gate) => [g.id, g.kind, g.enforcement, g.owner, (g.steps ?? []).map((s) => s.argv?.join(' ')).join(' && ')];

describe('a gate table whose command column is headed "What it runs"', () => {
  it('is read as the validation matrix, with its owner and enforcement columns', async () => {
    const tree = treeWith({
      'GATES.md': [
        '# Gates',
        '',
        '| Gate | What it runs | Owner | Enforcement |',
        '|------|--------------|-------|-------------|',
        '| `VG-CORE-001` | `node -e 0` | core owner | blocking |',
        '| `VG-CORE-002` | `node -e 1  # a comment` | core owner | advisory unless promoted by ADR-7 |',
        '| `VG-DOC-001` | Manual review of `docs/plan/GATES.md` | release manager | blocking |',
        '',
      ].join('\n'),
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    expect(gatesOf(tree).map(summary)).toEqual([
      ['VG-CORE-001', 'command', 'blocking', 'core-owner', 'node -e 0'],
      ['VG-CORE-002', 'command', 'advisory', 'core-owner', 'node -e 1'],
      ['VG-DOC-001', 'manual', 'blocking', 'release-manager', ''],
    ]);
  });
});

describe('a gate heading with labelled bullets', () => {
  it('reads Command, Owner and Enforcement as those fields, not as pass criteria', async () => {
    const tree = treeWith({
      'GATES.md': [
        '# Gates',
        '',
        '### VG-PY-001 — contract tests',
        '- Command: `node -e 0`',
        '- Owner: client owner',
        '- Enforcement: blocking',
        '',
        '### VG-PY-002 — lint',
        '- Command: `node -e 1`',
        '- Owner: etl owner + core owner',
        '- Enforcement: advisory',
        '',
      ].join('\n'),
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gates = gatesOf(tree);
    expect(gates.map(summary)).toEqual([
      ['VG-PY-001', 'command', 'blocking', 'client-owner', 'node -e 0'],
      ['VG-PY-002', 'command', 'advisory', 'etl-owner', 'node -e 1'],
    ]);
    const report = tree.read('governance/import-report.md', 'utf8') ?? '';
    expect(report).not.toContain('pass criteria');
    expect(report).toContain('VG-PY-002 owner: owners etl-owner, core-owner');
  });
});

describe('a one-word code span inside a gate sentence', () => {
  it('is reported as a name the command mentions, not as a check to do by hand; a named review still is one', async () => {
    const tree = treeWith({
      'GATES.md': [
        '# Gates',
        '',
        '| Gate ID | Scope | Command |',
        '|---|---|---|',
        '| VG-CORE-001 | build | `node -e 0` on `main` before merging |',
        '| VG-CORE-002 | model | `node -e 1` plus `trailhead` calibration artifact review |',
        '',
      ].join('\n'),
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const report = tree.read('governance/import-report.md', 'utf8') ?? '';
    const line = (id: string) => report.split('\n').find((l) => l.includes(` ${id}: `) && l.includes('not a step')) ?? '';
    expect(line('VG-CORE-001')).toContain('a name in the sentence, not a command, so not a step; nothing to do unless it names a check of its own');
    expect(line('VG-CORE-002')).toContain('not a command, so not a step; do it by hand or add a gate for it');
  });
});

describe('a test minimum stated beside the scope', () => {
  it('is the gate\'s minimum, as one in a criteria column would be (release-notes-style fixture: the gate passed with 1 test of "at least 40")', async () => {
    const tree = treeWith({
      'GATES.md': ['# Gates', '', '| Gate | Scope | Command |', '|---|---|---|', '| VG-CORE-003 | Unit and integration tests (at least 40 must run) | `cargo test --workspace --offline` |', ''].join('\n'),
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    expect(gatesOf(tree)[0].passCriteria).toEqual({ minTests: { count: 40 } });
    expect(tree.read('governance/import-report.md', 'utf8')).toContain('command gate, 1 step(s) (at least 40 tests, as its scope states)');
  });
});

describe('the release-notes-style fixture (helper D) gates', () => {
  it('reads a heading without a dash, a Command: line as the only step, the sentences around it as description, an Owner: sentence, and "Manual." as the kind', async () => {
    const tree = treeWith({
      'GATES.md': [
        '# Gates',
        '',
        '### VG-COMPAT-001 mesh-cli against the working tree',
        '',
        'The vendored copy under `vendor/mesh-cli` is built and tested against the core.',
        '',
        'Command: `cd vendor/mesh-cli && node -e 0`',
        '',
        'Blocking. Owner: mesh maintainer.',
        '',
        '### VG-COMPAT-003 grid-ui frame contract',
        '',
        'grid-ui replays the golden frames from `tests/golden/`.',
        '',
        'Command: `npm run test:contract`',
        '',
        '### VG-REL-001 Changelog review',
        '',
        'Manual. The release captain reads `CHANGELOG.md` against the merged pull requests.',
        '',
      ].join('\n'),
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gates = gatesOf(tree) as Array<Gate & { checklist?: string[]; scope: string }>;
    expect(gates.map(summary)).toEqual([
      ['VG-COMPAT-001', 'command', 'blocking', 'mesh-maintainer', 'node -e 0'],
      ['VG-COMPAT-003', 'command', 'blocking', 'release-manager', 'npm run test:contract'],
      ['VG-REL-001', 'manual', 'blocking', 'release-manager', ''],
    ]);
    expect(gates[0].scope).toBe('mesh-cli against the working tree');
    expect(gates[2].checklist).toEqual(['The release captain reads CHANGELOG.md against the merged pull requests.']);
  });

  it('reads a "Blocking" column of yes and no, a condition after a colon, and a "What it checks" column as the scope', async () => {
    const tree = treeWith({
      'GATES.md': [
        '# Gates',
        '',
        '| Gate | What it checks | How to run it | Blocking |',
        '|---|---|---|---|',
        '| VG-CORE-001 | Formatting | `node -e 0` | yes |',
        '| VG-CORE-002 | Doc examples | `node -e 1` | no |',
        '| VG-CORE-005 | Throughput | `node -e 2` | no: advisory until ADR-3 is accepted |',
        '',
      ].join('\n'),
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gates = gatesOf(tree) as Array<Gate & { scope: string }>;
    expect(gates.map((g) => [g.id, g.scope, g.enforcement, g.enforcementNote ?? '-'])).toEqual([
      ['VG-CORE-001', 'Formatting', 'blocking', '-'],
      ['VG-CORE-002', 'Doc examples', 'advisory', '-'],
      ['VG-CORE-005', 'Throughput', 'advisory', 'no: advisory until ADR-3 is accepted'],
    ]);
  });
});
