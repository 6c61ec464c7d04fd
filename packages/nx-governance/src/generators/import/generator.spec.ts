import type { Tree } from '@nx/devkit';
import { join } from 'node:path';
import { copyIntoTree, treeWithBundledGovernance } from '../../test-helpers/tree';
import { validateGovernance } from '../../core/validation/validate-governance';
import { treeFileReader } from '../tree-file-reader';
import importGenerator from './generator';

const FIXTURE = join('packages', 'nx-governance', 'src', 'generators', 'import', 'fixtures', 'prose');

describe('import generator on a realistic prose folder', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = treeWithBundledGovernance();
    copyIntoTree(tree, FIXTURE);
    for (const folder of ['loop/src', 'docs/guide', 'vendor/io-rflx/src', 'vendor/loop-agent/tests']) tree.write(`${folder}/.keep`, '');
  });
  const source = FIXTURE.split('\\').join('/');

  it('returns nothing Nx could mistake for its post-generation callback', async () => {
    const returned: unknown = await importGenerator(tree, { source, force: true });
    expect(returned === undefined || typeof returned === 'function').toBe(true);
  });

  it('never overwrites existing data without --force', async () => {
    const before = tree.read('governance/gates.json', 'utf8');
    await expect(importGenerator(tree, { source })).rejects.toThrow(
      'governance/gates.json, governance/playbook.json, governance/compatibility.json already hold data; nothing was written. Pass --force to replace them.',
    );
    expect(tree.read('governance/gates.json', 'utf8')).toBe(before);
  });

  it('writes the gates it can convert and lists the rest for review, with the reason', async () => {
    const imported = await importGenerator(tree, { source, force: true });
    const gates = JSON.parse(tree.read('governance/gates.json', 'utf8')!).gates;
    expect(gates.map((g: { id: string }) => g.id)).toEqual(GATE_IDS);
    expect(gates).toEqual(EXPECTED_GATES);
    expect(imported.review.map((r) => `${r.file.split('/').pop()}:${r.line}: ${r.what}: ${r.why}`)).toEqual(EXPECTED_REVIEW);
  });

  it('turns the release class table into gate sets and the compatibility table into releases and tuples', async () => {
    const imported = await importGenerator(tree, { source, force: true });
    const playbook = JSON.parse(tree.read('governance/playbook.json', 'utf8')!);
    expect(playbook.releaseClasses).toEqual([
      { id: 'R0', title: 'Docs only', description: 'Documentation changes only.', gates: ['VG-DOCS-001'] },
      { id: 'R1', title: 'Internals', description: 'No consumer-visible change.', gates: ['VG-LOOP-BUILD-001', 'VG-LOOP-TEST-001', 'VG-LINT-001'] },
      {
        id: 'R2',
        title: 'Consumer-visible',
        description: 'Envelope, CLI or API change.',
        gates: ['VG-LOOP-BUILD-001', 'VG-LOOP-TEST-001', 'VG-CONTRACT-001', 'VG-CONTRACT-002', 'VG-COMPAT-001', 'VG-COMPAT-002'],
      },
    ]);
    expect(playbook.defaultReleaseClass).toBe('R2');
    expect(playbook.roles.map((r: { id: string }) => r.id)).toEqual(['compatibility-owner', 'docs', 'perf-team', 'qa', 'release-manager']);
    const compat = JSON.parse(tree.read('governance/compatibility.json', 'utf8')!);
    expect(compat.releases).toEqual([
      { version: '0.4.2', date: '2026-02-19' },
      { version: '0.4.0', date: '2026-01-15' },
    ]);
    expect(compat.consumers).toEqual([
      { name: 'rlm-claude-code', project: 'rlm-claude-code' },
      { name: 'loop-agent', project: 'loop-agent', path: 'vendor/loop-agent' },
      { name: 'io-rflx', project: 'io-rflx', path: 'vendor/io-rflx' },
    ]);
    expect(compat.tuples).toEqual([
      { id: 'current', core: '0.4.2', consumers: { 'rlm-claude-code': '0.3.1', 'loop-agent': '0.2.0', 'io-rflx': '1.3.0' } },
      { id: 'rollback', core: '0.4.0', consumers: { 'rlm-claude-code': '0.3.0', 'loop-agent': '0.1.4', 'io-rflx': '1.2.0' } },
      { id: 'legacy', core: '0.3.4', consumers: { 'rlm-claude-code': '0.2.9', 'io-rflx': '1.1.0' } },
    ]);
    expect(imported.milestoneGateSets).toEqual([
      { milestone: 'M4', gates: ['VG-LOOP-BUILD-001', 'VG-LOOP-TEST-001'] },
      { milestone: 'M5', gates: ['VG-LOOP-BUILD-001', 'VG-CONTRACT-002', 'VG-COMPAT-001'] },
      { milestone: 'M6', gates: ['VG-CONTRACT-001'] },
    ]);
  });

  it('validates the milestones in place, whatever their style', async () => {
    const imported = await importGenerator(tree, { source, force: true });
    expect(imported.milestones.map((m) => [m.id, m.cards])).toEqual([
      ['M4', 2],
      ['M5', 2],
      ['M6', 3],
    ]);
    expect(imported.milestoneProblems).toEqual([]);
  });

  it('writes data that passes its schemas; validate then names only what the review list already names', async () => {
    await importGenerator(tree, { source, force: true });
    const result = validateGovernance(treeFileReader(tree), 'governance/governance.json');
    expect(result.errors.map((e) => `${e.file}: ${e.path}: ${e.message}`)).toEqual([
      'governance/compatibility.json: tuples[2].core: unknown core release "0.3.4", expected a version or commit from releases: 0.4.0, 0.4.2',
    ]);
  });
});

const GATE_IDS = [
  'VG-LOOP-BUILD-001', 'VG-LOOP-TEST-001', 'VG-LOOP-TEST-002', 'VG-CONTRACT-001', 'VG-CONTRACT-002', 'VG-COMPAT-001', 'VG-COMPAT-002',
  'VG-PERF-002', 'VG-DOCS-001', 'VG-LINT-001', 'VG-FMT-001', 'VG-REL-001', 'VG-PY-001',
];
const EXPECTED_GATES: unknown[] = [
  {
    "id": "VG-LOOP-BUILD-001",
    "title": "loop release build",
    "scope": "loop release build",
    "enforcement": "blocking",
    "owner": "release-manager",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "cargo",
          "build",
          "--release",
          "-p",
          "loop"
        ]
      }
    ]
  },
  {
    "id": "VG-LOOP-TEST-001",
    "title": "loop unit tests",
    "scope": "loop unit tests",
    "enforcement": "blocking",
    "owner": "qa",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "cargo",
          "test",
          "-p",
          "loop"
        ]
      }
    ],
    "passCriteria": {
      "minTests": {
        "count": 40
      }
    }
  },
  {
    "id": "VG-LOOP-TEST-002",
    "title": "loop CLI integration tests",
    "scope": "loop CLI integration tests",
    "enforcement": "blocking",
    "owner": "qa",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "../scripts/with-toolchain.sh",
          "cargo",
          "test",
          "--test",
          "cli"
        ],
        "cwd": "loop",
        "env": {
          "ENV": "1"
        }
      }
    ],
    "passCriteria": {
      "minTests": {
        "count": 6
      }
    }
  },
  {
    "id": "VG-CONTRACT-001",
    "title": "envelope contract review",
    "scope": "envelope contract review",
    "enforcement": "blocking",
    "owner": "release-manager",
    "kind": "manual",
    "checklist": [
      "Envelope fields reviewed",
      "CLI flags documented",
      "Changelog updated"
    ]
  },
  {
    "id": "VG-CONTRACT-002",
    "title": "envelope schema check",
    "scope": "envelope schema check",
    "enforcement": "blocking",
    "owner": "qa",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "python3",
          "loop/contract/check_contract.py",
          "loop/target/release/loop"
        ]
      }
    ],
    "passCriteria": {
      "minTests": {
        "count": 7
      }
    }
  },
  {
    "id": "VG-COMPAT-001",
    "title": "io-rflx against loop",
    "scope": "io-rflx against loop",
    "enforcement": "blocking",
    "owner": "compatibility-owner",
    "kind": "command",
    "steps": [
      {
        "target": "io-rflx:compat"
      }
    ]
  },
  {
    "id": "VG-COMPAT-002",
    "title": "Python consumers against loop",
    "scope": "Python consumers against loop",
    "enforcement": "blocking",
    "owner": "compatibility-owner",
    "kind": "command",
    "steps": [
      {
        "target": "loop-agent:compat"
      },
      {
        "target": "rlm-claude-code:compat"
      }
    ]
  },
  {
    "id": "VG-PERF-002",
    "title": "latency benchmark",
    "scope": "latency benchmark",
    "enforcement": "advisory",
    "owner": "perf-team",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "cargo",
          "bench",
          "--offline"
        ],
        "cwd": "loop"
      }
    ]
  },
  {
    "id": "VG-DOCS-001",
    "title": "rendered docs",
    "scope": "rendered docs",
    "enforcement": "advisory",
    "owner": "docs",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "make",
          "html"
        ],
        "cwd": "docs"
      }
    ]
  },
  {
    "id": "VG-LINT-001",
    "title": "clippy",
    "scope": "clippy",
    "enforcement": "blocking",
    "owner": "qa",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "cargo",
          "clippy",
          "--",
          "-D",
          "warnings"
        ]
      }
    ]
  },
  {
    "id": "VG-FMT-001",
    "title": "formatting",
    "scope": "formatting",
    "enforcement": "advisory",
    "owner": "qa",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "cargo",
          "fmt",
          "--check"
        ]
      }
    ]
  },
  {
    "id": "VG-REL-001",
    "title": "release notes",
    "scope": "release notes",
    "enforcement": "blocking",
    "owner": "release-manager",
    "kind": "manual",
    "checklist": [
      "Notes reviewed",
      "Version bumped"
    ]
  },
  {
    "id": "VG-PY-001",
    "title": "rlm-claude-code unit tests",
    "scope": "rlm-claude-code unit tests",
    "enforcement": "blocking",
    "owner": "qa",
    "kind": "command",
    "steps": [
      {
        "argv": [
          "python3",
          "-m",
          "unittest",
          "discover",
          "-s",
          "vendor/rlm-claude-code/tests"
        ],
        "env": {
          "PYTHONPATH": "vendor/rlm-claude-code"
        }
      }
    ],
    "passCriteria": {
      "minTests": {
        "count": 5
      }
    }
  }
];
const EXPECTED_REVIEW: string[] = [
  "COMPATIBILITY.md:7: release 0.3.4: no date in the row; add it to releases by hand",
  "COMPATIBILITY.md:9: table | notes |  |: not a table this import knows (gates, release classes, milestone gate sets, compatibility)",
  "VALIDATION-MATRIX.md:14: VG-PERF-001: `./scripts/bench.sh | tee bench.txt`: needs a shell (|); kept for review, never run through a shell",
  "VALIDATION-MATRIX.md:15: VG-PERF-002 pass criteria: \"p95 under 20 ms\" kept as prose: only exit codes and minimum test counts convert",
  "VALIDATION-MATRIX.md:17: VG-LINT-001 pass criteria: \"no warnings\" kept as prose: only exit codes and minimum test counts convert",
  "VALIDATION-MATRIX.md:19: VG-SEC-001: `cargo audit $AUDIT_FLAGS`: needs a shell ($); kept for review, never run through a shell",
  "VALIDATION-MATRIX.md:22: VG-MULTI-001: `cd loop && cargo build && cargo test`: more than one command: only `cd <dir> && <command>` converts; kept for review, never run through a shell",
  "VALIDATION-MATRIX.md:23: gate \"vg-typo-1\": not a gate id (VG- then upper-case words and digits)",
  "VALIDATION-MATRIX.md:24: VG-TBD-001: to be decided: no command in backticks and not a manual checklist"
];
