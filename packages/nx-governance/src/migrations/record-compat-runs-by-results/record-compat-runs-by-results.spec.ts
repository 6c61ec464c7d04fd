import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import recordCompatRunsByResults from './record-compat-runs-by-results';

const cadence = (activities: object[]) => JSON.stringify({ activities, ownership: { decisionLog: 'release-manager', compatibilityMatrix: 'compatibility-owner' } }, null, 2);
const initCompatRun = { id: 'compat-run', title: 'Compatibility run of every consumer', interval: 'weekly', owner: 'compatibility-owner', output: 'compatibility results in evidence/compat' };

describe('migration record-compat-runs-by-results (0.3.0)', () => {
  it('is registered in migrations.json', () => {
    const root = join(__dirname, '..', '..', '..');
    const migrations = JSON.parse(readFileSync(join(root, 'migrations.json'), 'utf8'));
    expect(migrations.generators['record-compat-runs-by-results']).toMatchObject({ version: '0.3.0', implementation: './dist/migrations/record-compat-runs-by-results/record-compat-runs-by-results' });
  });

  it("lets the consumers' results record init's compat-run activity, which no gate records", async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('governance/governance.json', '{}');
    tree.write('governance/cadence.json', cadence([initCompatRun, { id: 'audit', title: 'Audit', interval: 'monthly', owner: 'qa', output: 'a note' }]));
    await recordCompatRunsByResults(tree);
    const activities = JSON.parse(tree.read('governance/cadence.json', 'utf8')!).activities;
    expect(activities[0]).toEqual({ ...initCompatRun, evidence: 'compat-results' });
    expect(activities[1]).not.toHaveProperty('evidence');
  });

  it('leaves an activity a gate records, or one already recorded by results, and a file that does not parse', async () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('governance/governance.json', '{}');
    const byGate = cadence([{ ...initCompatRun, gate: 'VG-COMPAT-001' }]);
    tree.write('governance/cadence.json', byGate);
    tree.write('other/governance.json', '{}');
    tree.write('other/cadence.json', '{ broken');
    await recordCompatRunsByResults(tree);
    expect(JSON.parse(tree.read('governance/cadence.json', 'utf8')!)).toEqual(JSON.parse(byGate));
    expect(tree.read('other/cadence.json', 'utf8')).toBe('{ broken');
  });
});
