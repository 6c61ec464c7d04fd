import type { Tree } from '@nx/devkit';
import { treeWithBundledGovernance } from '../../test-helpers/tree';
import syncGenerator from './generator';

describe('sync generator', () => {
  let tree: Tree;
  beforeEach(() => (tree = treeWithBundledGovernance()));

  it('renders the matrix, then reports nothing to do', async () => {
    expect(await syncGenerator(tree)).toEqual({
      outOfSyncMessage:
        'Rendered governance documents are out of date with the data: docs/execution-plan/COMPATIBILITY-MATRIX.md, docs/execution-plan/COMPATIBILITY-MATRIX.json, docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md, docs/execution-plan/MAINTENANCE-CADENCE.md. Run `nx sync` and commit the result.',
    });
    expect(tree.read('docs/execution-plan/COMPATIBILITY-MATRIX.md', 'utf8')).toContain('| 0.4.2 | io-rflx | 1.3.0 | untested |');
    expect(JSON.parse(tree.read('docs/execution-plan/COMPATIBILITY-MATRIX.json', 'utf8')!).kind).toBe('nx-governance/compatibility-matrix');
    expect(tree.read('docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md', 'utf8')).toContain('1. Announce the rollback in the decision log with the trigger that fired. Owner: Release manager (loop maintainers).');
    expect(tree.read('docs/execution-plan/MAINTENANCE-CADENCE.md', 'utf8')).toContain('| Cross-repo compatibility runs | weekly | Compatibility owner (consumer liaison of the loop maintainers) |');
    expect(await syncGenerator(tree)).toEqual({});
  });

  it('is out of sync after a playbook edit', async () => {
    await syncGenerator(tree);
    const playbook = JSON.parse(tree.read('governance/playbook.json', 'utf8')!);
    playbook.rollbackTriggers[2].budgetPercent = 5;
    tree.write('governance/playbook.json', JSON.stringify(playbook));
    const result = await syncGenerator(tree);
    expect(result && result.outOfSyncMessage).toContain('docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md. Run');
    expect(tree.read('docs/execution-plan/RELEASE-ROLLBACK-PLAYBOOK.md', 'utf8')).toContain('more than 5% worse for the candidate than for the baseline');
  });

  it('is out of sync again after a data edit, and only the changed document is rewritten', async () => {
    await syncGenerator(tree);
    const compat = JSON.parse(tree.read('governance/compatibility.json', 'utf8')!);
    compat.policy.deprecationLeadTimeDays = 45;
    tree.write('governance/compatibility.json', JSON.stringify(compat, null, 2));
    const result = await syncGenerator(tree);
    expect(result && result.outOfSyncMessage).toContain('COMPATIBILITY-MATRIX.md');
    expect(tree.read('docs/execution-plan/COMPATIBILITY-MATRIX.md', 'utf8')).toContain('- Deprecation lead time: 45 days');
  });

  it('shows a new compatibility result in the matrix', async () => {
    await syncGenerator(tree);
    const { sealRecord } = await import('../../core/evidence/seal-record');
    const record = sealRecord({
      kind: 'nx-governance/compat-result',
      formatVersion: 1,
      consumer: 'io-rflx',
      project: 'io-rflx',
      result: 'pass',
      outcome: 'pass',
      durationMs: 1000,
      startedAt: '2026-03-01T09:59:59.000Z',
      reason: '5 test(s) passed, 0 skipped',
      finishedAt: '2026-03-01T10:00:00.000Z',
      tuple: { core: { project: 'loop', version: '0.4.2', dirty: false }, consumer: { name: 'io-rflx', version: '1.3.0', dirty: false } },
    });
    tree.write('evidence/compat/io-rflx/results/2026-03-01T10-00-00-000Z-0.4.2.json', JSON.stringify(record));
    await syncGenerator(tree);
    expect(tree.read('docs/execution-plan/COMPATIBILITY-MATRIX.md', 'utf8')).toContain(
      '| 0.4.2 | io-rflx | 1.3.0 | supported | 5 test(s) passed, 0 skipped (2026-03-01) | `evidence/compat/io-rflx/results/2026-03-01T10-00-00-000Z-0.4.2.json` |',
    );
  });
});
