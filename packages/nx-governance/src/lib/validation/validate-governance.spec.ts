import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../diagnostics';
import { diskFileReader } from '../workspace/file-reader';
import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { validateGovernance } from './validate-governance';

type Json = Record<string, any>;
type Mutation = (root: string) => void;

/** Rewrites a bundled JSON file through `edit`, two-space indented so lines are predictable. */
const editJson =
  (file: string, edit: (data: Json) => void): Mutation =>
  (root) => {
    const path = join(root, 'governance', file);
    const data = JSON.parse(readFileSync(path, 'utf8'));
    edit(data);
    writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  };
const writeText =
  (file: string, text: string): Mutation =>
  (root) =>
    writeFiles(root, { [`governance/${file}`]: text });
const editText =
  (file: string, from: string, to: string): Mutation =>
  (root) => {
    const path = join(root, 'governance', file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(from)) throw new Error(`${file} has no ${from}`);
    writeFileSync(path, text.replace(from, to));
  };

function validateBundled(...mutations: Mutation[]): { errors: string[]; warnings: string[] } {
  const { root, cleanup } = makeTempWorkspace();
  try {
    copyBundledGovernance(root);
    for (const mutate of mutations) mutate(root);
    const result = validateGovernance(diskFileReader(root), 'governance/governance.json', { projects: BUNDLED_PROJECTS });
    return { errors: result.errors.map(formatDiagnostic), warnings: result.warnings.map(formatDiagnostic) };
  } finally {
    cleanup();
  }
}

describe('validateGovernance on the bundled data', () => {
  it('finds nothing wrong', () => {
    expect(validateBundled()).toEqual({ errors: [], warnings: [] });
  });

  it('reads an index README beside the milestones as no milestone', () => {
    expect(validateBundled(writeText('milestones/README.md', '# Milestones\n\n- [M6](M6.md)\n'))).toEqual({ errors: [], warnings: [] });
  });

  it("accepts a tuple naming a consumer declared by its folder's governance.consumer.json", () => {
    const declaredByFolder = validateBundled(
      editJson('compatibility.json', (d) => (d.consumers = d.consumers.filter((c: Json) => c.name !== 'io-rflx'))),
      (root) => writeFiles(root, { 'vendor/io-rflx/governance.consumer.json': '{\n  "name": "io-rflx",\n  "project": "io-rflx"\n}\n' }),
    );
    expect(declaredByFolder).toEqual({ errors: [], warnings: [] });
  });

  it('reports every problem at once, across files', () => {
    const { errors } = validateBundled(
      editJson('gates.json', (d) => (d.gates[0].owner = 'nobody')),
      editJson('compatibility.json', (d) => (d.releases[0].date = '2026-13-01')),
    );
    expect(errors).toHaveLength(2);
  });
});

/**
 * Each case breaks one thing in an otherwise valid workspace and names the
 * exact message: file, line (or JSON path), what was found, what was expected.
 */
const MALFORMED: Array<[string, Mutation[], string[]]> = [
  [
    'a trailing comma',
    [writeText('gates.json', '{\n  "gates": [],\n}\n')],
    ['governance/gates.json:3: invalid JSON: found "}", expected a property name in double quotes'],
  ],
  ['an empty file', [writeText('cadence.json', '')], ['governance/cadence.json:1: invalid JSON: the file is empty, expected a JSON object']],
  [
    'a comment',
    [writeText('gates.json', '{\n  // gates\n  "gates": []\n}\n')],
    ['governance/gates.json:2: invalid JSON: found "// gates", expected no comments (JSON allows none)'],
  ],
  [
    'a lower-case gate id',
    [editJson('gates.json', (d) => (d.gates[1].id = 'vg-governance-001'))],
    [
      'governance/gates.json:23: gates[1].id: found "vg-governance-001", expected a gate id: an id matching ^VG(-[A-Z0-9]+)+$ (ids.gate in governance/governance.json)',
    ],
  ],
  [
    'an unknown gate kind',
    [editJson('gates.json', (d) => (d.gates[1].kind = 'script'))],
    ['governance/gates.json:26: gates[1].kind: found "script", expected kind "command" or "manual"'],
  ],
  [
    'a command written as a string',
    [editJson('gates.json', (d) => (d.gates[1].steps = [{ argv: 'npx nx run governance:validate' }]))],
    [
      'governance/gates.json:32: gates[1].steps[0].argv: found "npx nx run governance:validate" (string), expected an argv array such as ["cargo", "test"]; a command string is not accepted because it would need a shell',
    ],
  ],
  [
    'a command gate without steps',
    [editJson('gates.json', (d) => (d.gates[1].steps = []))],
    ['governance/gates.json:30: gates[1].steps: found [], expected at least one step'],
  ],
  [
    'a target step that is not project:target',
    [editJson('gates.json', (d) => (d.gates[1].steps = [{ target: 'governance' }]))],
    ['governance/gates.json:32: gates[1].steps[0].target: found "governance", expected an Nx target written project:target or project:target:configuration'],
  ],
  [
    'an unknown field',
    [editJson('gates.json', (d) => (d.gates[1].retries = 3))],
    ['governance/gates.json:22: gates[1]: unknown field "retries", expected only the fields the schema defines'],
  ],
  [
    'a timeout of the wrong type',
    [editJson('gates.json', (d) => (d.gates[1].timeoutSeconds = '5m'))],
    ['governance/gates.json:29: gates[1].timeoutSeconds: found "5m" (string), expected number'],
  ],
  [
    'a manual gate with an empty checklist',
    [editJson('gates.json', (d) => (d.gates[0].checklist = []))],
    ['governance/gates.json:12: gates[0].checklist: found [], expected at least one checklist item'],
  ],
  [
    'a duplicate gate id',
    [editJson('gates.json', (d) => d.gates.push({ ...d.gates[0], title: 'Copy' }))],
    ['governance/gates.json:198: gates[7].id: duplicate gate id VG-CONTRACT-001, first defined at gates[0]'],
  ],
  [
    'a gate owner that is no role',
    [editJson('gates.json', (d) => (d.gates[0].owner = 'qa-team'))],
    ['governance/gates.json:10: gates[0].owner: unknown role "qa-team", expected one of the playbook roles: compatibility-owner, performance-owner, release-manager'],
  ],
  [
    'a target step on a project that does not exist',
    [editJson('gates.json', (d) => (d.gates[1].steps = [{ target: 'lop:build' }]))],
    ['governance/gates.json:32: gates[1].steps[0].target: unknown Nx project "lop" in lop:build, expected one of: governance, io-rflx, loop, loop-agent, rlm-claude-code'],
  ],
  [
    'a target step on a target that does not exist',
    [editJson('gates.json', (d) => (d.gates[1].steps = [{ target: 'governance:lint' }]))],
    ['governance/gates.json:32: gates[1].steps[0].target: project governance has no target "lint", expected one of: gate, attest, validate, cadence, compat-run (the nearest 5 of 9)'],
  ],
  [
    'a metric threshold with no bound and a regression with no baseline',
    [
      editJson('gates.json', (d) => {
        d.gates[1].passCriteria = {
          metrics: [
            { name: 'a', file: 'm.json', pointer: '/a' },
            { name: 'b', file: 'm.json', pointer: '/b', maxRegressionPercent: 10 },
          ],
        };
      }),
    ],
    [
      'governance/gates.json:37: gates[1].passCriteria.metrics[0]: expected at least one of min, max or maxRegressionPercent',
      'governance/gates.json:42: gates[1].passCriteria.metrics[1].baseline: maxRegressionPercent needs a baseline file',
    ],
  ],
  [
    'a release version that is not semver',
    [editJson('compatibility.json', (d) => (d.releases[1].version = 'v0.4.2'))],
    ['governance/compatibility.json:9: releases[1].version: found "v0.4.2", expected a semantic version like 0.4.2 (no leading v, no range)'],
  ],
  [
    'an invalid semver range',
    [editJson('compatibility.json', (d) => (d.consumers[2].supports = '^^0.4'))],
    ['governance/compatibility.json:42: consumers[2].supports: found "^^0.4", expected a semver range like ^0.4.0 or >=0.3.0 <0.6.0'],
  ],
  [
    'a date that does not exist',
    [editJson('compatibility.json', (d) => (d.releases[0].date = '2026-02-30'))],
    ['governance/compatibility.json:6: releases[0].date: found "2026-02-30", expected a calendar date written YYYY-MM-DD, e.g. 2026-02-19'],
  ],
  [
    'a consumer whose Nx project is missing',
    [editJson('compatibility.json', (d) => (d.consumers[1].project = 'loop-agnet'))],
    ['governance/compatibility.json:26: consumers[1].project: consumer loop-agent names Nx project "loop-agnet", which does not exist; expected one of: governance, io-rflx, loop, loop-agent, rlm-claude-code'],
  ],
  [
    'a tuple on a core release that is not listed',
    [editJson('compatibility.json', (d) => (d.tuples[1].core = '0.3.9'))],
    ['governance/compatibility.json:65: tuples[1].core: unknown core release "0.3.9", expected a version or commit from releases: 0.4.0, 0.4.2'],
  ],
  [
    'a consumer without a rollback tuple',
    [editJson('compatibility.json', (d) => delete d.tuples[1].consumers['io-rflx'])],
    ['governance/compatibility.json:35: consumers[2].name: consumer io-rflx appears in 1 tuple(s), expected at least 2 (the current one and a rollback) by policy.minimumTuplesPerConsumer'],
  ],
  [
    'a removal earlier than the deprecation lead time allows',
    [editJson('compatibility.json', (d) => (d.deprecations[0].removal = '2026-03-01'))],
    ['governance/compatibility.json:78: deprecations[0].removal: deprecation "envelope-v0" removes on 2026-03-01, expected no earlier than 2026-03-21 (announced 2026-02-19 + 30 days lead time)'],
  ],
  [
    'a duplicate consumer',
    [editJson('compatibility.json', (d) => d.consumers.push({ ...d.consumers[1], path: 'vendor/loop-agent-copy' })), (root) => writeFiles(root, { 'vendor/loop-agent-copy/pyproject.toml': '' })],
    [
      'governance/compatibility.json:45: consumers[3].name: duplicate consumer loop-agent, first defined at consumers[1]',
    ],
  ],
  [
    'a consumer whose folder is missing',
    [(root) => rmSync(join(root, 'vendor/io-rflx'), { recursive: true })],
    [
      "governance/compatibility.json:25: consumers[2].path: consumer io-rflx lives in vendor/io-rflx, which is missing or empty; expected the consumer's vendored folder (restore it, or remove the consumer)",
    ],
  ],
  [
    'a gate step that runs a gate',
    [editJson('gates.json', (d) => (d.gates[1].steps[0].target = 'governance:VG-COMPAT-001'))],
    [
      'governance/gates.json:32: gates[1].steps[0].target: governance:VG-COMPAT-001 runs gates itself, so the gate would wait for itself; expected a target that does the work (a build, a test, validate)',
    ],
  ],
  [
    'a step of a gate in its own file that names a missing target',
    [writeText('gates/VG-FILE-001.json', '{\n  "id": "VG-FILE-001",\n  "title": "t",\n  "scope": "s",\n  "owner": "release-manager",\n  "kind": "command",\n  "steps": [{ "target": "loop:nosuch" }]\n}\n')],
    ['governance/gates/VG-FILE-001.json:7: steps[0].target: project loop has no target "nosuch", expected one of: build, test'],
  ],
  [
    'a gate file named for another gate',
    [writeText('gates/VG-OTHER-001.json', '{\n  "id": "VG-FILE-001",\n  "title": "t",\n  "scope": "s",\n  "owner": "release-manager",\n  "kind": "command",\n  "steps": [{ "target": "loop:build" }]\n}\n')],
    ['governance/gates/VG-OTHER-001.json:2: id: gate VG-FILE-001 lives in governance/gates/VG-OTHER-001.json, expected a file named VG-FILE-001.json so that the file says which gate it holds'],
  ],
  [
    'a gate defined both in gates.json and in a file of its own',
    [writeText('gates/VG-CONTRACT-001.json', '{\n  "id": "VG-CONTRACT-001",\n  "title": "t",\n  "scope": "s",\n  "owner": "release-manager",\n  "kind": "command",\n  "steps": [{ "target": "loop:build" }]\n}\n')],
    ['governance/gates/VG-CONTRACT-001.json:2: id: duplicate gate id VG-CONTRACT-001, first defined at gates[0]'],
  ],
  [
    'a path that leaves the workspace',
    [editJson('compatibility.json', (d) => (d.consumers[0].path = '../elsewhere'))],
    ['governance/compatibility.json:17: consumers[0].path: found "../elsewhere", expected a path relative to the workspace root, without ".." segments'],
  ],
  [
    'a release class with an unknown gate',
    [editJson('playbook.json', (d) => d.releaseClasses[2].gates.push('VG-LOOP-PERF-009'))],
    ['governance/playbook.json:50: releaseClasses[2].gates[6]: unknown gate VG-LOOP-PERF-009, expected a gate defined in governance/gates.json: VG-LOOP-PERF-001, VG-LOOP-TEST-001, VG-LOOP-BUILD-001, VG-COMPAT-001, VG-LOOP-CONTRACT-001 (the nearest 5 of 7)'],
  ],
  [
    'a minimum gate set naming an unknown gate',
    [editJson('playbook.json', (d) => (d.minimumGatesPerMilestone = [{ milestone: 'M6', gates: ['VG-NOPE-001'] }]))],
    ['governance/playbook.json:150: minimumGatesPerMilestone[0].gates[0]: unknown gate VG-NOPE-001, expected a gate defined in governance/gates.json: VG-COMPAT-001, VG-LOOP-PERF-001, VG-LOOP-TEST-001, VG-CONTRACT-001, VG-GOVERNANCE-001 (the nearest 5 of 7)'],
  ],
  [
    'an unknown default release class',
    [editJson('playbook.json', (d) => (d.defaultReleaseClass = 'R9'))],
    ['governance/playbook.json:67: defaultReleaseClass: unknown release class "R9", expected one of: R0, R1, R2, R3'],
  ],
  [
    'a rollback trigger on an unknown gate and a performance trigger on an unknown metric',
    [
      editJson('playbook.json', (d) => {
        d.rollbackTriggers[0].gates = ['VG-NOPE-001'];
        d.rollbackTriggers.push({ id: 'perf', kind: 'performance', gate: 'VG-GOVERNANCE-001', metric: 'throughput', budgetPercent: 10 });
      }),
    ],
    [
      'governance/playbook.json:110: rollbackTriggers[0].gates[0]: unknown gate VG-NOPE-001, expected a gate defined in governance/gates.json: VG-COMPAT-001, VG-LOOP-PERF-001, VG-LOOP-TEST-001, VG-CONTRACT-001, VG-GOVERNANCE-001 (the nearest 5 of 7)',
      'governance/playbook.json:130: rollbackTriggers[3].metric: gate VG-GOVERNANCE-001 has no metric "throughput", expected one of: (none defined)',
    ],
  ],
  [
    'a procedure step owned by no role',
    [editJson('playbook.json', (d) => (d.rollbackProcedure[0].owner = 'cto'))],
    ['governance/playbook.json:131: rollbackProcedure[0].owner: unknown role "cto", expected one of the playbook roles: compatibility-owner, performance-owner, release-manager'],
  ],
  [
    'an interval that is not one',
    [editJson('cadence.json', (d) => (d.activities[2].interval = 'fortnightly'))],
    ['governance/cadence.json:24: activities[2].interval: found "fortnightly", expected one of "per-change", "weekly", "monthly", "quarterly", "before-release" or { "days": N }'],
  ],
  [
    'a cadence owner that is no role',
    [editJson('cadence.json', (d) => (d.ownership.decisionLog = 'nobody'))],
    ['governance/cadence.json:47: ownership.decisionLog: unknown role "nobody", expected one of the playbook roles: compatibility-owner, performance-owner, release-manager'],
  ],
  [
    'settings without a core while consumers are declared',
    [editJson('governance.json', (d) => delete d.core)],
    ['governance/governance.json:1: core: missing, expected the core project the consumers (io-rflx, loop-agent, rlm-claude-code) are tested against, e.g. "core": { "project": "my-lib" }'],
  ],
  [
    'a core project that does not exist',
    [editJson('governance.json', (d) => (d.core.project = 'lop'))],
    ['governance/governance.json:5: core.project: unknown Nx project "lop", expected the core project, one of: governance, io-rflx, loop, loop-agent, rlm-claude-code'],
  ],
  [
    'an evidence pattern that leaves the evidence folder',
    [editJson('governance.json', (d) => (d.evidencePattern = '../../escape/{task}-{gate}.md'))],
    ['governance/governance.json:17: evidencePattern: found "../../escape/{task}-{gate}.md", expected a pattern relative to the evidence folder, without "..", "." or a leading "/", e.g. {date}/milestone-{milestone}/{task}-{gate}.md'],
  ],
  [
    'an absolute evidence pattern',
    [editJson('governance.json', (d) => (d.evidencePattern = '/tmp/{task}-{gate}.md'))],
    ['governance/governance.json:17: evidencePattern: found "/tmp/{task}-{gate}.md", expected a pattern relative to the evidence folder, without "..", "." or a leading "/", e.g. {date}/milestone-{milestone}/{task}-{gate}.md'],
  ],
  [
    'a missing settings file',
    [(root) => rmSync(join(root, 'governance/governance.json'))],
    ['governance/governance.json: file not found, expected the governance settings (run `nx g nx-governance:init`)'],
  ],
  [
    'a task card requiring an unknown gate',
    [editText('milestones/M6.md', 'Required gates: VG-CONTRACT-001\n\n### M6-T02', 'Required gates: `VG-CONTRACT-001`, VG-COMPAT-404\n\n### M6-T02')],
    ['governance/milestones/M6.md:30: M6-T01.requiredGates: unknown gate VG-COMPAT-404, expected a gate defined in governance/gates.json: VG-COMPAT-001, VG-CONTRACT-001, VG-LOOP-TEST-001, VG-LOOP-PERF-001, VG-GOVERNANCE-001 (the nearest 5 of 7)'],
  ],
  [
    'a task id used in two milestones',
    [writeText('milestones/M7.md', '# M7 - Next\n\n## Task Cards\n\n### M6-T01 Stolen id\n\n- Goal: g.\n')],
    [
      'governance/milestones/M7.md:5: M6-T01: duplicate task id M6-T01, already defined at governance/milestones/M6.md:19',
      'governance/milestones/M7.md:5: M6-T01: task card M6-T01 belongs to milestone M6, expected a card of M7 (a card\'s milestone is the (?<milestone>...) group of ids.task in governance/governance.json: ^(?<milestone>M\\d+)-T\\d+$)',
    ],
  ],
  [
    'a status date that does not exist',
    [editText('milestones/M6.md', 'Status: done (2026-02-19)', 'Status: done (2026-02-30)')],
    ['governance/milestones/M6.md:22: M6-T01.status: malformed date "2026-02-30" in status, expected a calendar date written YYYY-MM-DD'],
  ],
  [
    'a consumer declared twice',
    [(root) => writeFiles(root, { 'vendor/io-rflx/governance.consumer.json': '{\n  "name": "io-rflx",\n  "project": "io-rflx"\n}\n' })],
    ['vendor/io-rflx/governance.consumer.json:2: name: consumer io-rflx is declared twice (also in governance/compatibility.json); declare it in one place'],
  ],
  [
    'a milestone file with no milestone heading',
    [writeText('milestones/notes.md', 'Some notes.\n')],
    ['governance/milestones/notes.md:1: found no "# " heading, expected a first heading "# <milestone> - <title>" whose milestone is an id matching ^M\\d+$ (ids.milestone in governance/governance.json)'],
  ],
];

describe('validateGovernance on malformed input', () => {
  it('has at least 25 cases', () => expect(MALFORMED.length).toBeGreaterThanOrEqual(25));

  it.each(MALFORMED)('names %s', (_name, mutations, expected) => {
    expect(validateBundled(...mutations).errors).toEqual(expected);
  });
});

describe('validateGovernance --strict', () => {
  it('reports unknown task-card fields and stray lines only when strict', () => {
    const { root, cleanup } = makeTempWorkspace();
    try {
      copyBundledGovernance(root);
      editText('milestones/M6.md', '- Goal: prevent future drift and regressions.', '- Goal: prevent future drift and regressions.\n- Tracking issue: #12')(root);
      const lenient = validateGovernance(diskFileReader(root), 'governance/governance.json', { projects: BUNDLED_PROJECTS });
      const strict = validateGovernance(diskFileReader(root), 'governance/governance.json', { projects: BUNDLED_PROJECTS, strict: true });
      expect(lenient.errors).toEqual([]);
      expect(strict.errors.map(formatDiagnostic)).toEqual([
        'governance/milestones/M6.md:49: M6-T03: unknown field "Tracking issue" (kept as written; known fields: Goal, Status, Work items, Acceptance criteria, Required gates, Release blocking)',
      ]);
    } finally {
      cleanup();
    }
  });
});

describe('validateGovernance warnings', () => {
  it('warns when a data file has no $schema, without failing', () => {
    const { errors, warnings } = validateBundled(editJson('cadence.json', (d) => delete d.$schema));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'governance/cadence.json:1: no "$schema", expected one pointing at nx-governance/schemas/cadence.schema.json so editors complete and check the file',
    ]);
  });

  it('warns about a gate no release class, milestone or task card requires: no gate run would run it', () => {
    const orphan = { id: 'VG-ORPHAN-001', title: 'Orphan', scope: 'x', owner: 'release-manager', kind: 'manual', checklist: ['ok'] };
    const { errors, warnings } = validateBundled(editJson('gates.json', (d) => d.gates.push(orphan)));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^governance\/gates\.json:\d+: gates\[\d+\]\.id: gate VG-ORPHAN-001 is required by no release class, milestone or task card, so no gate run runs it; add it to a release class in governance\/playbook\.json or to a task card's Required gates$/,
      ),
    ]);
    const required = validateBundled(
      editJson('gates.json', (d) => d.gates.push(orphan)),
      editJson('playbook.json', (d) => (d.minimumGatesPerMilestone = [{ milestone: 'M6', gates: ['VG-ORPHAN-001'] }])),
    );
    expect(required.warnings).toEqual([]);
  });
});
