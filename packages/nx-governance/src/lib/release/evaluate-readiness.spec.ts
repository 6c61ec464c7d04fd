import type { CompatClassification } from '../compat/compat-result';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import type { TreeState } from '../git/git';
import { diskFileReader } from '../workspace/file-reader';
import { loadGovernance } from '../workspace/load-governance';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { writeCompatEvidence } from '../../test-helpers/release-evidence';
import { CUSTOM_IDS } from '../../test-helpers/custom-ids';
import { evaluateReadiness, type ReadinessItem } from './evaluate-readiness';

const CORE = 'a'.repeat(40);
const tuple = (id: string, consumers: Record<string, string>) => ({ id, core: '1.0.0', consumers });

describe('evaluateReadiness', () => {
  let root: string;
  let cleanup: () => void;
  afterEach(() => cleanup());

  const consumer: ResolvedConsumer = { name: 'app', project: 'app', declaredIn: 'governance/compatibility.json' };
  function judge(options: { tuples?: object[]; tree?: TreeState; compat?: CompatClassification; files?: Record<string, string>; ids?: object; stated?: object[] } = {}): Map<string, ReadinessItem> {
    const compatibility = {
      releases: [{ version: '1.0.0', date: '2026-01-01' }],
      consumers: [{ name: 'app', project: 'app' }, ...(options.stated ?? [])],
      policy: { supportWindow: { latestMinors: 1 }, deprecationLeadTimeDays: 30 },
      tuples: options.tuples ?? [tuple('current', { app: '2.0.0' }), tuple('rollback', { app: '1.9.0' })],
    };
    ({ root, cleanup } = makeTempWorkspace({
      'governance/governance.json': JSON.stringify({ core: { project: 'core' }, ...(options.ids ? { ids: options.ids } : {}) }),
      'governance/compatibility.json': JSON.stringify(compatibility),
      ...options.files,
    }));
    if (options.compat) writeCompatEvidence(root, 'app', CORE, options.compat);
    const reader = diskFileReader(root);
    const { data } = loadGovernance(reader);
    const items = evaluateReadiness({ root, reader, data, consumers: [consumer], releaseClass: 'R1', version: '1.1.0', coreCommit: CORE, tree: options.tree ?? { ok: true, dirty: false }, currentHashes: {} });
    return new Map(items.map((i) => [i.id, i]));
  }

  it('shows imported evidence of a gate, labelled, and never counts it as a pass', () => {
    const entry = { file: 'evidence/2026-02-19/VG-X-001.md', sha256: 'a'.repeat(64), kind: 'markdown', date: '2026-02-19', tasks: [], gates: ['VG-X-001'], result: 'pass', resultFrom: 'header', imported: true, sealed: false };
    const items = judge({
      files: {
        'governance/gates.json': JSON.stringify({ gates: [{ id: 'VG-X-001', title: 't', scope: 's', owner: 'qa', kind: 'manual', checklist: ['ok'] }] }),
        'governance/playbook.json': JSON.stringify({ roles: [{ id: 'qa', title: 'QA', owner: 'qa' }], releaseClasses: [{ id: 'R1', title: 'One', gates: ['VG-X-001'] }], defaultReleaseClass: 'R1', preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [{ step: 'Revert.', owner: 'qa' }] }),
        'governance/imported-evidence.json': JSON.stringify({ kind: 'nx-governance/imported-evidence', folder: 'evidence', entries: [entry] }),
      },
    });
    expect(items.get('gate:VG-X-001')).toMatchObject({
      state: 'inconclusive',
      reason: "only imported evidence: pass on 2026-02-19 (unsealed, not tied to this commit's inputs); run the gate to seal current evidence",
      evidence: ['evidence/2026-02-19/VG-X-001.md'],
    });
  });

  it('takes the latest milestone with open cards as the active one, whatever the form of its id', () => {
    const milestone = (id: string, card: string) => `# ${id} - Release\n\n## Task Cards\n\n### ${card} Work\n\n- Status: todo\n- Release blocking: ${id === 'REL-9' ? 'yes' : 'no'}\n`;
    const items = judge({
      ids: CUSTOM_IDS,
      // File names in the other order than the ids: the order must come from the ids.
      files: { 'governance/milestones/a.md': milestone('REL-9', 'REL-9.1'), 'governance/milestones/b.md': milestone('REL-10', 'REL-10.1') },
    });
    expect(items.get('release-blockers')).toMatchObject({ state: 'pass', reason: 'no release-blocking card open in REL-10; open, not release-blocking: REL-10.1' });
  });

  it('is inconclusive for a consumer the compatibility document names without a project (an import of prose naming it), though every other passes', () => {
    const items = judge({ compat: 'pass', stated: [{ name: 'outside' }], tuples: [tuple('current', { app: '2.0.0', outside: '3.0.0' }), tuple('rollback', { app: '1.9.0', outside: '2.9.0' })] });
    expect(items.get('consumer:app')).toMatchObject({ state: 'pass' });
    expect(items.get('consumer:outside')).toMatchObject({
      state: 'inconclusive',
      advisory: false,
      reason: 'outside is not in this workspace (governance/compatibility.json names it without a project), so its tests cannot run here; vendor it and run nx g nx-governance:consumer outside',
    });
    expect(items.get('rollback:outside')).toMatchObject({ state: 'pass', reason: 'rollback: core 1.0.0, outside 2.9.0' });
  });

  it('passes the consumers item when none is declared (day one, no core yet), and is inconclusive without the core commit when some are', () => {
    ({ root, cleanup } = makeTempWorkspace({ 'governance/governance.json': '{}' }));
    const reader = diskFileReader(root);
    const { data } = loadGovernance(reader);
    const judgeConsumers = (consumers: ResolvedConsumer[]) =>
      evaluateReadiness({ root, reader, data, consumers, releaseClass: 'R1', version: '0.1.0', tree: { ok: true, dirty: false }, currentHashes: {} }).find((i) => i.id === 'consumers');
    expect(judgeConsumers([])).toMatchObject({ state: 'pass', reason: 'no consumer is declared' });
    expect(judgeConsumers([consumer])).toMatchObject({ state: 'inconclusive', reason: 'the core has no folder to find its commit' });
  });

  it.each<[string, TreeState, ReadinessItem['state'], string]>([
    ['a clean tree', { ok: true, dirty: false }, 'pass', 'clean'],
    ['a dirty tree', { ok: true, dirty: true }, 'fail', 'uncommitted changes outside the evidence folder'],
    ['a tree git cannot judge', { ok: false, reason: 'git status: fatal: not a git repository' }, 'inconclusive', 'git cannot say whether the tree is clean: git status: fatal: not a git repository'],
  ])('judges %s', (_name, tree, state, reason) => {
    expect(judge({ tree }).get('clean-tree')).toMatchObject({ state, reason });
  });

  it.each<[string, object[], ReadinessItem['state'], string]>([
    ['the rollback tuple names the consumer', [tuple('current', { app: '2.0.0' }), tuple('rollback', { app: '1.9.0' })], 'pass', 'rollback: core 1.0.0, app 1.9.0'],
    ['only other tuples than rollback', [tuple('current', { app: '2.0.0' }), tuple('previous', { app: '1.9.0' })], 'fail', 'compatibility.json has no tuple named rollback'],
    ['the rollback tuple leaves the consumer out', [tuple('current', { app: '2.0.0' }), tuple('rollback', { other: '1.0.0' })], 'fail', 'the rollback tuple names no version of app'],
  ])('finds a rollback tuple when %s', (_name, tuples, state, reason) => {
    expect(judge({ tuples }).get('rollback:app')).toMatchObject({ state, reason });
  });

  it.each<[CompatClassification | undefined, ReadinessItem['state']]>([
    ['pass', 'pass'],
    ['fixed', 'pass'],
    ['regressed', 'fail'],
    ['still-failing', 'fail'],
    ['spurious', 'inconclusive'],
    ['skipped', 'inconclusive'],
    [undefined, 'inconclusive'],
  ])('judges a consumer whose result is %s as %s', (compat, state) => {
    expect(judge({ compat }).get('consumer:app')?.state).toBe(state);
  });
});
