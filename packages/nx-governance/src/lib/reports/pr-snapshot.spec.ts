import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { record as spoofRecord } from '../../test-helpers/spoofing';
import { withEvidencePolicy } from '../ci/evidence-policy';
import { gateRecordsFolder } from '../evidence/evidence-layout';
import { appendGateRecord } from '../evidence/gate-store';
import { revisionFileReader } from '../git/revision-file-reader';
import { defaultGovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { loadGovernance } from '../workspace/load-governance';
import { writeCompatEvidence } from '../../test-helpers/release-evidence';
import { readEvidenceSnapshot } from './pr-snapshot';

const settings = defaultGovernanceSettings();
const GATE = 'VG-GOVERNANCE-001';

describe('readEvidenceSnapshot', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());

  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

  it("judges the base's record as it stood then, though its chain stayed local as the evidence policy keeps it", () => {
    copyBundledGovernance(root);
    writeFileSync(join(root, '.gitignore'), withEvidencePolicy('', 'evidence'));
    // A pass made in this very checkout on main: latest.json is committed, records/ is not.
    const { sequence: _s, previousDigest: _p, ...made } = spoofRecord('base');
    appendGateRecord(root, settings, { ...made, gate: GATE, kind: 'command', result: 'pass', notes: [], taskHash: 'hash-on-main', producedBy: { host: hostname(), checkout: root, runnerPid: 1 } });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'main');

    const atBase = revisionFileReader(root, 'main');
    if (!atBase) throw new Error('git does not know main');
    expect(atBase.list(gateRecordsFolder(settings, GATE), '.json')).toEqual([]);
    const then = readEvidenceSnapshot(atBase, loadGovernance(atBase).data, [], { asRecorded: true }, 'compat');
    expect(then.gates.get(GATE)).toMatchObject({ result: 'pass', passed: true });
    // In the checkout itself the same record without its chain is a deletion, and is not trusted.
    const now = readEvidenceSnapshot(diskFileReader(root), loadGovernance(diskFileReader(root)).data, [], { root, currentHashes: { [GATE]: 'hash-on-main' }, compatHashes: {} }, 'compat');
    expect(now.gates.get(GATE)).toMatchObject({ result: 'pass', passed: true });
    execFileSync('rm', ['-r', join(root, gateRecordsFolder(settings, GATE))]);
    const deleted = readEvidenceSnapshot(diskFileReader(root), loadGovernance(diskFileReader(root)).data, [], { root, currentHashes: { [GATE]: 'hash-on-main' }, compatHashes: {} }, 'compat');
    expect(deleted.gates.get(GATE)).toMatchObject({ result: 'untrusted', reason: expect.stringContaining('the chain was deleted') });
  });

  it("shows a consumer's result made for other inputs as stale, with what to run, never as its old pass", () => {
    copyBundledGovernance(root);
    writeCompatEvidence(root, 'consumer-a', 'c0ffee', 'pass', '2026-12-01T00:00:00.000Z', 'aaaaaaaaaaaaaaaa');
    const data = loadGovernance(diskFileReader(root)).data;
    const snapshot = (compatHashes: Record<string, string>) =>
      readEvidenceSnapshot(diskFileReader(root), data, [{ name: 'consumer-a', project: 'consumer-a' }], { root, currentHashes: {}, compatHashes }, 'compat').consumers.get('consumer-a');
    expect(snapshot({ 'consumer-a': 'aaaaaaaaaaaaaaaa' })).toMatchObject({ result: 'pass', passed: true });
    // The branch changed the core: the compat task hashes to something else, and the result was made before.
    expect(snapshot({ 'consumer-a': 'bbbbbbbbbbbbbbbb' })).toEqual({
      result: 'stale',
      passed: false,
      evidence: 'evidence/compat/consumer-a/latest.md',
      reason: expect.stringContaining("pass from 2026-12-01 is stale: made for Nx task hash aaaaaaaaaaaa, but the consumer's compat inputs now hash to bbbbbbbbbbbb"),
      fix: 'nx run consumer-a:compat',
      recordedPass: true,
    });
    // Nx could not say: never a pass.
    expect(snapshot({})).toMatchObject({ result: 'unknown', passed: false });
    // At the base, as it stood then.
    const then = readEvidenceSnapshot(diskFileReader(root), data, [{ name: 'consumer-a', project: 'consumer-a' }], { asRecorded: true }, 'compat');
    expect(then.consumers.get('consumer-a')).toMatchObject({ result: 'pass', passed: true });
  });
});
