import { defaultGovernanceSettings } from '../schemas/governance';
import type { ReadinessItem } from './evaluate-readiness';
import { readinessFix } from './readiness-fix';

const item = (id: string, state: ReadinessItem['state'], reason: string, evidence: string[] = []): ReadinessItem => ({ id, check: id, state, reason, evidence, advisory: false });
const names = { governanceProject: 'governance', consumerProjects: new Map([['consumer-a', '@demo/consumer-a']]), compatTarget: 'compat', version: '1.2.3', settingsFile: 'governance/governance.json', settings: defaultGovernanceSettings() };

describe('readinessFix: the command that turns a NO-GO item into a pass', () => {
  it.each([
    [item('gate:VG-CORE-TEST-001', 'inconclusive', 'the evidence (from abc) is stale: the gate\'s inputs changed since'), 'npx nx run governance:VG-CORE-TEST-001'],
    [item('gate:VG-CORE-TEST-001', 'inconclusive', 'no evidence'), 'npx nx run governance:VG-CORE-TEST-001'],
    [item('gate:VG-CORE-TEST-001', 'fail', 'fail: 1 test failed', ['evidence/gates/VG-CORE-TEST-001/latest.json']), 'fix what evidence/gates/VG-CORE-TEST-001/latest.md reports, then npx nx run governance:VG-CORE-TEST-001'],
    [item('consumer:consumer-a', 'inconclusive', 'no compatibility result against core 0123456789ab'), 'npx nx run @demo/consumer-a:compat'],
    [item('consumer:consumer-a', 'fail', 'regressed: exited 1'), 'fix @demo/consumer-a against the candidate (see evidence/compat/consumer-a/latest.md), then npx nx run @demo/consumer-a:compat'],
    [item('docs-in-sync', 'fail', 'stale: docs/execution-plan/COMPATIBILITY-MATRIX.md (run nx sync)'), 'npx nx sync, then commit the documents'],
    [item('clean-tree', 'fail', 'uncommitted changes outside the evidence folder'), 'git add -A && git commit -m "chore(release): 1.2.3" (nx release version writes the version but does not commit it)'],
    [item('rollback:consumer-a', 'fail', 'compatibility.json has no tuple named rollback'), 'npx nx g nx-governance:rollback-tuple, then commit governance/compatibility.json'],
    [item('release-blockers', 'fail', 'open in M1: M1-T01 (todo)'), 'npx nx g nx-governance:task-card --task=<card> --status=done for each open card, once it is done'],
  ])('%j', (readinessItem, fix) => {
    expect(readinessFix(readinessItem, names)).toBe(fix);
  });

  it('has nothing to say of an item that passed', () => {
    expect(readinessFix(item('clean-tree', 'pass', 'clean'), names)).toBeUndefined();
  });
});
