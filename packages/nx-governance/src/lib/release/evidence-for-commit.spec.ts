import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { writeCompatEvidence, writeGateEvidence } from '../../test-helpers/release-evidence';
import { compatResultsFolder } from '../evidence/evidence-layout';
import { defaultGovernanceSettings } from '../schemas/governance';
import { compatResultsAt, gateEvidenceAt } from './evidence-for-commit';

const settings = defaultGovernanceSettings();

describe('compatResultsAt', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());

  it('finds the committed latest result in a clone that has no local history (the same commit reads the same everywhere)', () => {
    writeCompatEvidence(root, 'consumer-a', 'abc1234', 'pass');
    expect(compatResultsAt(root, settings, ['consumer-a'], 'abc1234').get('consumer-a')?.result).toBe('pass');
    // A fresh clone: the evidence policy commits latest.json; results/ stayed on the machine that ran it.
    rmSync(join(root, compatResultsFolder(settings, 'consumer-a')), { recursive: true });
    expect(compatResultsAt(root, settings, ['consumer-a'], 'abc1234').get('consumer-a')?.result).toBe('pass');
  });
});

describe('gateEvidenceAt', () => {
  let root: string;
  let cleanup: () => void;
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    return result.stdout.trim();
  };
  const commitAll = (message: string) => {
    git('add', '-A');
    git('commit', '-qm', message);
    return git('rev-parse', 'HEAD');
  };
  const governance = { settings, settingsFile: 'governance/governance.json' };
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace({ 'src/lib.rs': 'pub fn one() {}\n' }));
    git('init', '-q');
  });
  afterEach(() => cleanup());

  it('finds the record made on a clean tree for the commit that only adds the evidence (a release tagged there), not for a commit that changes the code', () => {
    const judged = commitAll('code');
    writeGateEvidence(root, 'VG-X-001', judged, 'pass');
    const evidenceCommit = commitAll('evidence of VG-X-001');
    git('tag', 'v1.0.0');
    const found = gateEvidenceAt(root, governance, 'VG-X-001', git('rev-parse', 'v1.0.0^{commit}'));
    expect(found).toMatchObject({ ok: true, evidence: { record: { result: 'pass', git: { commit: judged } } } });
    expect(evidenceCommit).not.toBe(judged);
    writeFileSync(join(root, 'src/lib.rs'), 'pub fn two() {}\n');
    const changed = commitAll('code changes');
    expect(gateEvidenceAt(root, governance, 'VG-X-001', changed)).toEqual({ ok: true, evidence: undefined });
  });
});
