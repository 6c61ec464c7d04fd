import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import importGenerator from '../../generators/import/generator';
import { treeFileReader } from '../../generators/tree-file-reader';
import { validateGovernance } from '../validation/validate-governance';
import { loadGovernance } from '../workspace/load-governance';
import { importGaps } from './import-gaps';

/**
 * Gates, release classes and rollback triggers written without tables (issue
 * 19, the list-style and paragraphs corpus fixtures): gates as list items or
 * `####` headings with paragraphs, classes as bold-led items or sentences,
 * triggers as paragraphs.
 */
const LIST_GATES = `# Gates

Unless a gate says otherwise it is **blocking**.

## Core

- \`VG-CORE-001\` — build. Run \`node -e 0\`.
- \`VG-CORE-002\` — lint. Run \`node -e 1\`. *Advisory.*
- \`VG-CORE-003\` — miri. Run \`node -e 2\`.
  Advisory unless promoted by ADR-9.
- \`VG-CORE-004\` — bench. Run \`node bench.js | tee out.txt\` and compare.
- \`VG-DOC-001\` — protocol. Review \`docs/protocol.md\` against current implementations.
- \`VG-REL-001\` — release notes approved by the release captain (manual).
`;

const LIST_RELEASING = `# Releasing

## Release classes

- **R0 — docs only:** VG-DOC-001.
- **R1 — patch:** VG-CORE-001..002.
- **R2 — minor:** everything in R1, plus all \`VG-CORE-*\` and VG-REL-001.

When unsure, use R1.

## When to roll back

- **A required gate fails** on the tagged commit after release: VG-CORE-001.
- **A supported tuple breaks:** any supported cell fails its consumer gate.
- **Data corruption** reported by any consumer — roll back first.
`;

const HEADING_GATES = `# Validation

A check is blocking unless its paragraph says it is advisory.

## Core

#### VG-CORE-BUILD-001 — build

The workspace must build: \`node -e 0\`.

#### VG-CORE-LINT-001 — lints

\`node -e 1\`. This one is advisory; we fix findings in the next patch.

#### VG-PERF-001 — step latency

\`node bench.js --baseline main\` measures p95 step latency. The regression budget is 10%.

#### VG-SPEC-001 — spec review

Review \`docs/spec/\` against current implementations. Advisory unless promoted by
D-31 (a pending decision).

#### VG-DOCS-001 — docs read-through

Someone other than the author reads the rendered docs site. Advisory.

#### VG-REL-001 — release checklist

The release lead signs the pre-release checklist in the release issue.
`;

const PROSE_PLAYBOOK = `# Release and rollback

## Release classes

An R0 release touches documentation only and needs VG-DOCS-001. An R1 release is a
patch and needs VG-CORE-BUILD-001 and VG-REL-001. An R2 release needs everything R1
needs plus VG-SPEC-001. If nobody says otherwise, a release is R1.

## When we roll back

We roll back when a required gate fails on the release commit. In practice this
means VG-CORE-BUILD-001 turning red.

We also roll back when any supported tuple in the compatibility matrix stops
passing its consumer suite.

Performance is the third reason. VG-PERF-001 measures p95 step latency; if a
release is more than 10% slower than the stored baseline we roll back.

Stability is the fourth. If the crash-free session rate falls below 99.5% over
any 24 hours after a release, we roll back.

Finally, a contract break: if a consumer reports a change in the wire format that
the changelog does not mention, we roll back even when every check is green.

## How we roll back

First the release lead announces the rollback. Then the previous release is tagged again.
`;

function treeWith(files: Record<string, string>): Tree {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('governance/governance.json', `${JSON.stringify({ core: { project: 'engine' } }, null, 2)}\n`);
  for (const [name, text] of Object.entries(files)) tree.write(`docs/plan/${name}`, text);
  return tree;
}

const readJson = (tree: Tree, path: string) => JSON.parse(tree.read(path, 'utf8') ?? 'null');
const errors = (tree: Tree) => validateGovernance(treeFileReader(tree), 'governance/governance.json').errors.map((e) => `${e.file}:${e.line}: ${e.path}: ${e.message}`);
type Gate = { id: string; kind: string; enforcement: string; enforcementNote?: string; steps?: Array<{ argv?: string[] }>; blocked?: { reason: string } };
const summary = (g: Gate) => [g.id, g.kind, g.enforcement, g.blocked ? 'blocked' : (g.steps ?? []).map((s) => s.argv?.join(' ')).join(' && ')];

describe('gates written as list items, classes as bold-led items', () => {
  it('imports each gate with its command, enforcement and condition, and the classes with their gate lists and default', async () => {
    const tree = treeWith({ 'GATES.md': LIST_GATES, 'RELEASING.md': LIST_RELEASING });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gates: Gate[] = readJson(tree, 'governance/gates.json').gates;
    expect(gates.map(summary)).toEqual([
      ['VG-CORE-001', 'command', 'blocking', 'node -e 0'],
      ['VG-CORE-002', 'command', 'advisory', 'node -e 1'],
      ['VG-CORE-003', 'command', 'advisory', 'node -e 2'],
      ['VG-CORE-004', 'command', 'blocking', 'blocked'],
      ['VG-DOC-001', 'manual', 'blocking', ''],
      ['VG-REL-001', 'manual', 'blocking', ''],
    ]);
    expect(gates[2].enforcementNote).toBe('Advisory unless promoted by ADR-9.');
    const playbook = readJson(tree, 'governance/playbook.json');
    expect(playbook.releaseClasses.map((c: { id: string; title: string; gates: string[] }) => [c.id, c.title, c.gates])).toEqual([
      ['R0', 'docs only', ['VG-DOC-001']],
      ['R1', 'patch', ['VG-CORE-001', 'VG-CORE-002']],
      ['R2', 'minor', ['VG-CORE-001', 'VG-CORE-002', 'VG-CORE-003', 'VG-CORE-004', 'VG-REL-001']],
    ]);
    expect(playbook.defaultReleaseClass).toBe('R1');
    expect(playbook.rollbackTriggers.map((t: { id: string; kind: string; gates?: string[] }) => [t.id, t.kind, t.gates])).toEqual([
      ['a-required-gate-fails', 'functional', ['VG-CORE-001']],
      ['a-supported-tuple-breaks', 'compatibility', undefined],
      ['data-corruption', 'other', undefined],
    ]);
    expect(errors(tree)).toEqual([]);
  });
});

describe('gates written as headings with paragraphs, classes and triggers in running prose', () => {
  it('imports each gate, the classes sentence by sentence, and one trigger per paragraph', async () => {
    const tree = treeWith({ 'VALIDATION.md': HEADING_GATES, 'RELEASE-PLAYBOOK.md': PROSE_PLAYBOOK });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gates: Gate[] = readJson(tree, 'governance/gates.json').gates;
    expect(gates.map(summary)).toEqual([
      ['VG-CORE-BUILD-001', 'command', 'blocking', 'node -e 0'],
      ['VG-CORE-LINT-001', 'command', 'advisory', 'node -e 1'],
      ['VG-PERF-001', 'command', 'blocking', 'node bench.js --baseline main'],
      ['VG-SPEC-001', 'manual', 'advisory', ''],
      ['VG-DOCS-001', 'manual', 'advisory', ''],
      ['VG-REL-001', 'manual', 'blocking', ''],
    ]);
    expect(gates[3].enforcementNote).toBe('Advisory unless promoted by D-31 (a pending decision).');
    // A sentence beside the command that no field holds is listed, not dropped.
    expect(tree.read('governance/import-report.md', 'utf8')).toContain('VG-PERF-001 pass criteria: "The regression budget is 10%." kept as prose');
    const playbook = readJson(tree, 'governance/playbook.json');
    expect(playbook.releaseClasses.map((c: { id: string; gates: string[] }) => [c.id, c.gates])).toEqual([
      ['R0', ['VG-DOCS-001']],
      ['R1', ['VG-CORE-BUILD-001', 'VG-REL-001']],
      ['R2', ['VG-CORE-BUILD-001', 'VG-REL-001', 'VG-SPEC-001']],
    ]);
    expect(playbook.defaultReleaseClass).toBe('R1');
    expect(playbook.rollbackTriggers.map((t: { id: string; kind: string; gates?: string[]; gate?: string; budgetPercent?: number }) => [t.id, t.kind, t.gates ?? t.gate, t.budgetPercent])).toEqual([
      ['functional', 'functional', ['VG-CORE-BUILD-001'], undefined],
      ['compatibility', 'compatibility', undefined, undefined],
      ['performance', 'performance', 'VG-PERF-001', 10],
      ['stability', 'other', undefined, undefined],
      ['contract-break', 'other', undefined, undefined],
    ]);
    expect(errors(tree)).toEqual([]);
  });
});

describe('cards whose gate lists name gates the import did not find', () => {
  it('puts the gate ids those lists name in what the prose names, so readers say inconclusive', async () => {
    const tree = treeWith({
      'GATES.md': '# Gates\n\nVG-A-001 builds, VG-A-002 tests; nobody wrote them down as a list.\n',
      'milestones/M1.md': '# M1 First\n\n## Task cards\n\n### M1-T01 Build\n\n- Status: todo\n- Required gates: VG-A-001..002, VG-B-001\n',
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    const gaps = importGaps(treeFileReader(tree), loadGovernance(treeFileReader(tree), 'governance/governance.json').data);
    expect(gaps.map((g) => [g.kind, g.missing])).toEqual([['gates', ['VG-A-001', 'VG-A-002', 'VG-B-001']]]);
    // What release-readiness and rollback-check print for the inconclusive item.
    expect(gaps[0].reason).toContain('see governance/import-report.md');
  });
});

describe('a section headed "Triggers" in a release playbook', () => {
  it('is read as the rollback triggers (its heading test held a backspace character where \\b was meant)', async () => {
    const tree = treeWith({
      'GATES.md': '# Gates\n\n| Gate ID | Scope | Command |\n|---|---|---|\n| VG-CORE-001 | build | `node -e 0` |\n| VG-CORE-002 | test | `node -e 0` |\n',
      'PLAYBOOK.md': '# Release playbook\n\n## Triggers\n\n- Functional: VG-CORE-001/002 fail on the release commit.\n',
    });
    await importGenerator(tree, { source: 'docs/plan', skipFormat: true });
    expect(readJson(tree, 'governance/playbook.json').rollbackTriggers).toEqual([expect.objectContaining({ id: 'functional', kind: 'functional', gates: ['VG-CORE-001', 'VG-CORE-002'] })]);
  });
});
