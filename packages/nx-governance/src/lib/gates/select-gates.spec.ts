import { copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { diskFileReader } from '../workspace/file-reader';
import { type GovernanceData, loadGovernance } from '../workspace/load-governance';
import { gateScopes } from './gate-scopes';
import { selectGates } from './select-gates';

function bundledData(): GovernanceData {
  const { root, cleanup } = makeTempWorkspace();
  try {
    copyBundledGovernance(root);
    return loadGovernance(diskFileReader(root)).data;
  } finally {
    cleanup();
  }
}

describe('gateScopes', () => {
  const data = bundledData();

  it('names one target per scope: the default class, every class, milestone and task card', () => {
    expect(gateScopes(data).map((s) => `${s.kind} ${s.target} (${s.gates.length})`)).toEqual([
      'default gate (6)',
      'release-class gate-R0 (1)',
      'release-class gate-R1 (3)',
      'release-class gate-R2 (6)',
      'release-class gate-R3 (7)',
      'milestone gate-M6 (1)',
      'task gate-M6-T01 (1)',
      'task gate-M6-T02 (1)',
      'task gate-M6-T03 (1)',
    ]);
  });

  it('follows a renamed gate target', () => {
    expect(gateScopes(data, 'check').map((s) => s.target).slice(0, 2)).toEqual(['check', 'check-R0']);
  });

  it('runs every gate by default when there is no playbook', () => {
    const scopes = gateScopes({ ...data, playbook: undefined });
    expect(scopes[0]).toMatchObject({ kind: 'default', describe: 'every gate (no playbook release class)' });
    expect(scopes[0].gates).toHaveLength(7);
  });
});

describe('selectGates', () => {
  const data = bundledData();
  const select = (request: Parameters<typeof selectGates>[1]) => {
    const result = selectGates(data, request);
    return result.ok ? `${result.selection.describe}: ${result.selection.gates.map((g) => g.id).join(' ')}` : `error: ${result.error}`;
  };

  it.each([
    [{}, 'release class R2 (Consumer-visible): VG-GOVERNANCE-001 VG-LOOP-BUILD-001 VG-LOOP-TEST-001 VG-LOOP-CONTRACT-001 VG-COMPAT-001 VG-CONTRACT-001'],
    [{ releaseClass: 'R0' }, 'release class R0 (Docs only): VG-GOVERNANCE-001'],
    [{ gate: 'VG-LOOP-TEST-001' }, 'gate VG-LOOP-TEST-001: VG-LOOP-TEST-001'],
    [{ releaseClass: 'R9' }, 'error: unknown release class R9; known release classes: R0, R1, R2, R3'],
    [{ gate: 'VG-LOOP-TEST-01' }, 'error: unknown gate VG-LOOP-TEST-01; known gates: VG-LOOP-TEST-001, VG-LOOP-PERF-001, VG-LOOP-BUILD-001, VG-COMPAT-001, VG-LOOP-CONTRACT-001 (the nearest 5 of 7)'],
    [{ milestone: 'M7' }, 'error: unknown milestone M7; known milestones: M6'],
  ])('%j', (request, expected) => {
    expect(select(request)).toBe(expected);
  });

  it('refuses a scope that selects no gate: a run that judged nothing must not pass', () => {
    const empty = { ...data, playbook: data.playbook && { ...data.playbook, data: { ...data.playbook.data, releaseClasses: [{ id: 'R0', title: 'Docs', gates: [] }], defaultReleaseClass: 'R0' } } };
    expect(selectGates(empty, {})).toEqual({ ok: false, error: 'release class R0 (Docs) selects no gate, so a run would judge nothing; give it required gates first' });
  });
});
