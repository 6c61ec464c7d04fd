import { logger } from '@nx/devkit';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { validateGovernance } from '../../lib/validation/validate-governance';
import { treeFileReader } from '../tree-file-reader';
import importGenerator from './generator';
import { importGaps } from '../../lib/import/import-gaps';
import { loadGovernance } from '../../lib/workspace/load-governance';

/**
 * The defects of issue 19, each on the smallest prose that shows it: a house
 * style other than the fixture repository's (consumers as rows, runbooks named
 * after milestones, triggers under another heading, cadence per session).
 */
const VALIDATION = `# Validation gates

| Gate | Scope | Command | Enforcement |
|---|---|---|---|
| VG-CORE-BUILD-001 | build | \`node -e 0\` | blocking |
| VG-CORE-TEST-001 | tests | \`node --test # --watch\` | blocking |
| VG-CORE-TEST-002 | more tests | \`node --test\` | blocking |
| VG-DOC-001 | contract review | Review \`docs/plan/CONTRACT.md\` against current implementations | blocking |
| VG-CAL-001 | calibration | \`node -e 0\` plus \`trailhead\` calibration artifact review | blocking |
| VG-ADV-001 | lint | \`node -e 0\` | advisory unless promoted by DEC-7 |
| VG-ESC-001 | escape | \`../../../bin/sh -c true\` | blocking |
| VG-ENV-001 | env | \`NODE_OPTIONS="--require /elsewhere/x.js" node -e 0\` | blocking |
| VG-A | tuple a | \`node -e 0\` | blocking |
| VG-B | tuple b | \`node -e 0\` | blocking |
| VG-PERF-001 | perf | \`node -e 0\` | blocking |

## Release classes

| Class | Gates |
|---|---|
| R1 | VG-CORE-BUILD-001 plus applicable consumer tuple gates (\`VG-A\`, \`VG-B\`) |
| R2 | \`VG-CORE-*\` |

R1 is the default.

## Milestone gate sets

| Milestone | Gates |
|---|---|
| M4 | VG-CORE-BUILD-001 plus applicable consumer tuple gates (\`VG-A\`, \`VG-B\`) |
`;

const MILESTONE = `# M4 Consumers

## Task cards

### M4-T01 Move trailhead

- Goal: trailhead reads v2.
- Status: todo
- Required gates: VG-A

### M4-T02 Move cairn-py

- Goal: cairn-py reads v2.
- Required gates: VG-B
`;

const REGISTRY = `# Task registry

| Task | Status |
|---|---|
| M4-T01 | done |
| M4-T02 | in progress |
`;

const RUNBOOK = `# M4 Cut-over runbook

1. Stop the writers.
2. Switch the readers.
`;

const COMPATIBILITY = `# Compatibility

| Consumer | Validated core | Tier | Notes |
|---|---|---|---|
| trailhead | ^0.4.0 | supported | semver range |
| cairn-py | \`0.4.1\`, \`0.4.2\` | conditional | needs CAIRN_COMPAT |

We support the last 2 minor lines. Deprecations are announced at least 21 days before removal.

## Releases

| Version | Date |
|---|---|
| 0.4.1 | 2026-01-10 |
| 0.4.2 | 2026-02-10 |
`;

const PLAYBOOK = `# Release playbook

## Roles

| Role | Owner |
|---|---|
| Release Manager | Maren |
| Core owner + trailhead owner | Sam and Priya |

## Rollback procedure

1. Announce it (Release Manager).

## When to roll back

- A required gate fails on the released commit.
- Compatibility: a consumer regresses.
- Performance: VG-PERF-001 regresses by more than 10%.
- Stability: crash rate above 1% in the first day.
- Contract: the envelope schema changes without a version bump.
`;

const CADENCE = `# Maintenance cadence

| Activity | Interval | Owner |
|---|---|---|
| Contract check | per consumer-visible change | API owner |
| Evidence sweep | every active session | QA lead |
| Release notes | per release | Release Manager |
| Audit | every 10 days | Security owner + trailhead owner |
| Dependency review | weekly | Security owner |
`;

const NOTES = `# Notes

## Files

- weekly.md
- monthly.md
`;

function proseTree(root = 'docs/plan'): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'engine' } }, null, 2)}\n`);
  const files: Record<string, string> = {
    'VALIDATION.md': VALIDATION,
    'milestones/M4-consumers.md': MILESTONE,
    'milestones/REGISTRY.md': REGISTRY,
    'runbooks/M4-cutover.md': RUNBOOK,
    'COMPATIBILITY.md': COMPATIBILITY,
    'PLAYBOOK.md': PLAYBOOK,
    'CADENCE.md': CADENCE,
    'NOTES.md': NOTES,
    'CONTRACT.md': '# Contract\n\nThe envelope.\n',
  };
  for (const [name, text] of Object.entries(files)) tree.write(`${root}/${name}`, text);
  for (const consumer of ['trailhead', 'cairn-py']) tree.write(`consumers/${consumer}/README.md`, consumer);
  tree.write('scripts/x.sh', 'true\n');
  return tree;
}

const readJson = (tree: Tree, path: string) => JSON.parse(tree.read(path, 'utf8') ?? 'null');
const gateOf = (tree: Tree, id: string) => readJson(tree, 'governance/gates.json').gates.find((g: { id: string }) => g.id === id);
const report = (tree: Tree) => tree.read('governance/import-report.md', 'utf8') ?? '';

describe('import of a house style it was not written for (issue 19)', () => {
  let tree: Tree;
  beforeAll(async () => {
    tree = proseTree();
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
  });

  it('1: a runbook whose title starts with a milestone id is reported and skipped; the milestone is the file with cards', () => {
    expect(report(tree)).toMatch(/`docs\/plan\/runbooks\/M4-cutover.md:1` runbook: .*no task card/);
    expect(tree.children('governance/milestones')).toEqual(['M4-consumers.md']);
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json');
    expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.path}: ${e.message}`)).toEqual([]);
  });

  it('2: compatibility with one row per consumer: consumers, their ranges and tuples, the stated window and lead time', () => {
    const compat = readJson(tree, 'governance/compatibility.json');
    expect(compat.consumers.map((c: { name: string; supports?: string }) => [c.name, c.supports ?? '-'])).toEqual([
      ['trailhead', '^0.4.0'],
      ['cairn-py', '-'],
    ]);
    expect(compat.tuples.map((t: { core: string; consumers: object; tier?: string }) => [t.core, t.consumers, t.tier])).toEqual([
      ['0.4.1', { 'cairn-py': 'any' }, 'conditional'],
      ['0.4.2', { 'cairn-py': 'any' }, 'conditional'],
    ]);
    expect(compat.policy.supportWindow).toEqual({ latestMinors: 2 });
    expect(compat.policy.deprecationLeadTimeDays).toBe(21);
  });

  it('3: every rollback trigger under a heading about rolling back is kept, with its kind', () => {
    const triggers = readJson(tree, 'governance/playbook.json').rollbackTriggers;
    expect(triggers.map((t: { kind: string }) => t.kind)).toEqual(['functional', 'compatibility', 'performance', 'other', 'other']);
    expect(triggers[0].gates).toEqual(['VG-CORE-BUILD-001', 'VG-A', 'VG-B']);
    expect(triggers[2]).toMatchObject({ budgetPercent: 10 });
    expect(triggers[3].description).toBe('Stability: crash rate above 1% in the first day.');
  });

  it('4: conversions are faithful: a document is a manual gate, prose is no step, advisory unless… stays advisory, # ends a command, no path leaves the repository', () => {
    expect(gateOf(tree, 'VG-DOC-001')).toMatchObject({ kind: 'manual', inputs: ['docs/plan/CONTRACT.md'] });
    expect(gateOf(tree, 'VG-CAL-001').steps).toEqual([{ argv: ['node', '-e', '0'] }]);
    expect(report(tree)).toContain('VG-CAL-001: \\`trailhead\\` calibration artifact review');
    expect(gateOf(tree, 'VG-ADV-001')).toMatchObject({ enforcement: 'advisory', enforcementNote: 'advisory unless promoted by DEC-7' });
    expect(gateOf(tree, 'VG-CORE-TEST-001').steps).toEqual([{ argv: ['node', '--test'] }]);
    expect(gateOf(tree, 'VG-ESC-001').blocked.reason).toContain('outside this repository');
    expect(gateOf(tree, 'VG-ENV-001').blocked.reason).toContain('outside this repository');
  });

  it('5: gate lists, wildcards, cadence intervals, compound owners, roles and registry statuses', () => {
    const playbook = readJson(tree, 'governance/playbook.json');
    expect(playbook.releaseClasses.map((c: { gates: string[] }) => c.gates)).toEqual([
      ['VG-CORE-BUILD-001', 'VG-A', 'VG-B'],
      ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001', 'VG-CORE-TEST-002'],
    ]);
    expect(playbook.minimumGatesPerMilestone).toEqual([{ milestone: 'M4', gates: ['VG-CORE-BUILD-001', 'VG-A', 'VG-B'] }]);
    expect(playbook.roles.slice(0, 3).map((r: { id: string; owner: string }) => [r.id, r.owner])).toEqual([
      ['release-manager', 'Maren'],
      ['core-owner', 'Sam and Priya'],
      ['trailhead-owner', 'Sam and Priya'],
    ]);
    const cadence = readJson(tree, 'governance/cadence.json');
    expect(cadence.activities.map((a: { title: string; interval: unknown; owner: string; changeKind?: string }) => [a.title, a.interval, a.owner, a.changeKind ?? '-'])).toEqual([
      ['Contract check', 'per-change', 'api-owner', 'consumer-visible change'],
      ['Evidence sweep', 'per-change', 'qa-lead', 'active session'],
      ['Release notes', 'before-release', 'release-manager', '-'],
      ['Audit', { days: 10 }, 'security-owner', '-'],
      ['Dependency review', 'weekly', 'security-owner', '-'],
    ]);
    expect(report(tree)).toContain("cadence activity audit: every 10 days, owners security-owner, trailhead-owner");
    expect(tree.read('governance/milestones/M4-consumers.md', 'utf8')).toContain('### M4-T02 Move cairn-py\n\n- Goal: cairn-py reads v2.\n- Required gates: VG-B\n\n- Status: in_progress\n');
    expect(report(tree)).toContain('`docs/plan/milestones/REGISTRY.md:5` status of M4-T01: the registry says done, the card M4-consumers.md:8 says todo');
  });

  it('every section of every source file is in the report, with its file and line', () => {
    const text = report(tree);
    for (const where of ['docs/plan/NOTES.md:3', 'docs/plan/PLAYBOOK.md:10', 'docs/plan/CONTRACT.md:1', 'docs/plan/VALIDATION.md:19']) expect(text).toContain(`\`${where}\``);
  });
});

describe('import is the same wherever the repository is checked out, and however the files are saved (issue 19, 7)', () => {
  async function importedFrom(tree: Tree): Promise<Record<string, string>> {
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    return Object.fromEntries(['gates.json', 'playbook.json', 'compatibility.json', 'cadence.json'].map((f) => [f, tree.read(`governance/${f}`, 'utf8') ?? '']));
  }

  it('a BOM and CRLF change nothing', async () => {
    const plain = await importedFrom(proseTree());
    const saved = proseTree();
    for (const file of ['VALIDATION.md', 'PLAYBOOK.md', 'milestones/M4-consumers.md']) {
      const path = `docs/plan/${file}`;
      saved.write(path, `\uFEFF${(saved.read(path, 'utf8') ?? '').replace(/\n/g, '\r\n')}`);
    }
    expect(await importedFrom(saved)).toEqual(plain);
  });

  it('an absolute path naming the checkout folder converts the same in any folder', async () => {
    const command = '`cd /home/dev/cairn && ./scripts/x.sh`';
    const converted = async (folder: string) => {
      const tree = proseTree();
      (tree as { root: string }).root = `/work/${folder}`;
      const validation = VALIDATION.replace('`node -e 0` | blocking |\n| VG-CORE-TEST-001', `${command} | blocking |\n| VG-CORE-TEST-001`);
      tree.write('docs/plan/VALIDATION.md', validation.replace('| perf | `node -e 0` |', '| perf | `/home/dev/cairn/scripts/x.sh` |'));
      await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
      return gateOf(tree, 'VG-CORE-BUILD-001');
    };
    expect(await converted('cairn')).toMatchObject({ steps: [{ argv: ['./scripts/x.sh'] }] });
    expect(await converted('cairn')).toEqual(await converted('checkout-2'));
  });
});

describe('import --exclude and duplicate milestones', () => {
  it('--exclude leaves files out, and two files defining one milestone are both named with their lines', async () => {
    const tree = proseTree();
    tree.write('docs/plan/old/M4-copy.md', MILESTONE);
    await expect(importGenerator(tree, { source: 'docs/plan', skipFormat: true })).rejects.toThrow(
      /milestone M4 is defined twice: docs\/plan\/milestones\/M4-consumers.md:1 and docs\/plan\/old\/M4-copy.md:1/,
    );
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true, exclude: ['docs/plan/old/**'] } as never);
    expect(report(tree)).toContain("`docs/plan/old/M4-copy.md:1` document: excluded by --exclude=docs/plan/old/\\*\\*");
  });
});

describe('readers after a partial import', () => {
  it('a compatibility document the import cannot read is a gap until the data holds a consumer: readiness never reads it as "no consumer is declared"', async () => {
    const tree = proseTree();
    tree.write('docs/plan/COMPATIBILITY.md', '# Compatibility\n\nOur three consumers each keep their own notes on what they run against.\n');
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gapsNow = () => importGaps(treeFileReader(tree), loadGovernance(treeFileReader(tree), 'governance/governance.json').data);
    expect(gapsNow()).toEqual([
      {
        kind: 'consumers',
        missing: [],
        reason: 'the imported prose at docs/plan/COMPATIBILITY.md:1 could not be read ("Compatibility" names no consumer the import could read), so nothing says the data holds its consumers; see governance/import-report.md',
      },
    ]);
    tree.write('governance/compatibility.json', JSON.stringify({ releases: [], consumers: [{ name: 'engine-py' }], policy: { supportWindow: { latestMinors: 2 }, minimumTuplesPerConsumer: 0, deprecationLeadTimeDays: 30 }, tuples: [], deprecations: [] }));
    expect(gapsNow()).toEqual([]);
  });

  it('importGaps names what the prose holds and the data lacks, with the import report', async () => {
    const tree = proseTree();
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gapsNow = () => importGaps(treeFileReader(tree), loadGovernance(treeFileReader(tree), 'governance/governance.json').data);
    expect(gapsNow()).toEqual([]);
    const compat = readJson(tree, 'governance/compatibility.json');
    tree.write('governance/compatibility.json', JSON.stringify({ ...compat, consumers: compat.consumers.filter((c: { name: string }) => c.name !== 'trailhead') }));
    const playbook = readJson(tree, 'governance/playbook.json');
    tree.write('governance/playbook.json', JSON.stringify({ ...playbook, rollbackTriggers: playbook.rollbackTriggers.filter((t: { kind: string }) => t.kind !== 'other') }));
    expect(gapsNow()).toEqual([
      { kind: 'consumers', missing: ['trailhead'], reason: 'the imported prose names consumer(s) trailhead that compatibility.json (or a governance.consumer.json) does not hold; see governance/import-report.md' },
      { kind: 'triggers', missing: ['contract', 'stability'], reason: "the imported prose names rollback trigger(s) contract, stability that playbook.json's rollbackTriggers does not hold; see governance/import-report.md" },
    ]);
  });
});

describe('task cards written with bold fields and gate lists by pattern, range and label (a helper\'s house style)', () => {
  const BOLD_MILESTONE = `# M5 Hardening

### M5-T01 Stabilise

**Goal:** freeze the boundary.

**Status:** ✅ done

**Required gates:** \`VG-CORE-*\`, \`VG-A\`

### M5-T02 Contract tests

**Status:** in progress

**Required gates:** \`VG-CORE-TEST-001\` through \`VG-CORE-TEST-002\`, plus applicable consumer gates (\`VG-B\`, \`VG-NOPE-001\`)
`;

  it('reads every card, writes its gate list out as ids in the copy, lists what names no gate, and validates', async () => {
    const tree = proseTree();
    tree.write('docs/plan/milestones/M5-hardening.md', BOLD_MILESTONE);
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const copy = tree.read('governance/milestones/M5-hardening.md', 'utf8') ?? '';
    expect(copy).toContain('**Required gates:** VG-CORE-BUILD-001, VG-CORE-TEST-001, VG-CORE-TEST-002, VG-A\n');
    expect(copy).toContain('**Status:** ✅ done');
    const data = loadGovernance(treeFileReader(tree)).data;
    const cards = data.milestones.find((m) => m.id === 'M5')?.taskCards ?? [];
    expect(cards.map((c) => [c.id, c.status?.value, c.requiredGates])).toEqual([
      ['M5-T01', 'done', ['VG-CORE-BUILD-001', 'VG-CORE-TEST-001', 'VG-CORE-TEST-002', 'VG-A']],
      ['M5-T02', 'in_progress', ['VG-CORE-TEST-001', 'VG-CORE-TEST-002', 'VG-B']],
    ]);
    expect(report(tree)).toContain('VG-NOPE-001');
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json');
    expect(result.errors.map((e) => `${e.file}:${e.line}: ${e.path}: ${e.message}`)).toEqual([]);
  });
});

describe('a consumer written with what it is in parentheses', () => {
  it('is the consumer named before the parentheses, in the data and in what the prose names', async () => {
    const tree = proseTree();
    tree.write('docs/plan/COMPATIBILITY.md', COMPATIBILITY.replace('| trailhead | ^0.4.0 |', '| trailhead (CLI client) | ^0.4.0 |'));
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const compat = readJson(tree, 'governance/compatibility.json');
    expect(compat.consumers.map((c: { name: string }) => c.name)).toEqual(['trailhead', 'cairn-py']);
    expect(JSON.stringify(readJson(tree, 'governance/imported-prose.json'))).not.toContain('(cli');
  });
});

describe('the printed summary', () => {
  it('counts what the report lists', async () => {
    const tree = proseTree();
    const printed: string[] = [];
    const info = jest.spyOn(logger, 'info').mockImplementation((line: unknown) => void printed.push(String(line)));
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
    const summary = printed.find((line) => line.startsWith('Converted '));
    const counted = /; (\d+) left for review; (\d+) not understood/.exec(summary ?? '');
    const listed = [/## Left for review \((\d+)\)/, /## Not understood \((\d+)\)/].map((heading) => heading.exec(report(tree))?.[1]);
    expect(counted?.slice(1)).toEqual(listed);
  });
});

describe('roles written as bold names, a dash and what each does', () => {
  it('takes the owner before the first semicolon, not the dash and the duties', async () => {
    const tree = proseTree();
    tree.write('docs/plan/PLAYBOOK.md', PLAYBOOK.replace(/## Roles[\s\S]*?## Rollback procedure/, '## Roles\n\n- **Release manager** — @alice; owns the go/no-go call.\n- **Core owner** — @bob; answers for the core.\n\n## Rollback procedure'));
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const roles = readJson(tree, 'governance/playbook.json').roles.map((r: { title: string; owner: string }) => `${r.title}: ${r.owner}`);
    expect(roles).toEqual(expect.arrayContaining(['Release manager: @alice', 'Core owner: @bob']));
  });
});
