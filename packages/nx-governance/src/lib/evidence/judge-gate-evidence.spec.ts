import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { record as spoofRecord } from '../../test-helpers/spoofing';
import { defaultGovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import { gateLatestFile, gateRecordFile } from './evidence-layout';
import type { GateRecord } from './gate-record';
import { appendGateRecord } from './gate-store';
import { AS_RECORDED, describeJudgement, type GateJudgementState, judgeGateEvidence, judgedRecord } from './judge-gate-evidence';
import { keyFingerprint, loadSignaturePolicy } from './signature-policy';

const settings = defaultGovernanceSettings();
const GATE = 'VG-JUDGE-001';
const OTHER = 'VG-OTHER-001';
const HASH = 'hash-now';

const pair = () => generateKeyPairSync('ed25519');
const trusted = pair();
const untrusted = pair();
const privatePem = (k: ReturnType<typeof pair>) => k.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = (k: ReturnType<typeof pair>) => k.publicKey.export({ type: 'spki', format: 'pem' }).toString();

type Signature = 'unsigned' | 'trusted key' | 'untrusted key';
type Keys = 'keys committed' | 'no keys';
type Hash = 'same hash' | 'other hash' | 'unknown hash' | 'as recorded';
type Owner = 'its own' | "another gate's";

function unsealed(overrides: Partial<GateRecord> = {}): Omit<GateRecord, 'sequence' | 'previousDigest'> {
  const { sequence: _s, previousDigest: _p, ...base } = spoofRecord('plain');
  return { ...base, gate: GATE, kind: 'command', result: 'pass', notes: [], taskHash: HASH, producedBy: { host: 'elsewhere', checkout: '/other', runnerPid: 1 }, ...overrides };
}

describe('judgeGateEvidence', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => ({ root, cleanup } = makeTempWorkspace()));
  afterEach(() => cleanup());

  const judge = (hash: Hash = 'same hash', settingsFile = 'governance/governance.json') => {
    const reader = diskFileReader(root);
    const currentTaskHash = hash === 'same hash' ? HASH : hash === 'other hash' ? 'hash-other' : hash === 'unknown hash' ? undefined : AS_RECORDED;
    return judgeGateEvidence({ root, reader, settings, policy: loadSignaturePolicy(reader, { settingsFile, settings }), gate: GATE, currentTaskHash });
  };
  const keyOf = (signature: Signature) => (signature === 'trusted key' ? privatePem(trusted) : signature === 'untrusted key' ? privatePem(untrusted) : undefined);

  describe('over every combination of signature, gate and hash', () => {
    const signatures: Signature[] = ['unsigned', 'trusted key', 'untrusted key'];
    const keys: Keys[] = ['keys committed', 'no keys'];
    const hashes: Hash[] = ['same hash', 'other hash', 'unknown hash', 'as recorded'];
    const owners: Owner[] = ['its own', "another gate's"];
    const cases = signatures.flatMap((signature) => keys.flatMap((key) => hashes.flatMap((hash) => owners.map((owner) => [signature, key, hash, owner] as const))));

    /** The rule, written out: trusted first (signature where required, own gate), then current, then the result. */
    function expected(signature: Signature, key: Keys, hash: Hash, owner: Owner): GateJudgementState {
      const signatureAccepted = key === 'keys committed' ? signature === 'trusted key' : signature === 'unsigned';
      if (!signatureAccepted || owner !== 'its own') return 'untrusted';
      if (hash === 'unknown hash') return 'unknown';
      if (hash === 'other hash') return 'stale';
      return 'pass';
    }

    it.each(cases)('%s, %s, %s, %s record', (signature, key, hash, owner) => {
      if (key === 'keys committed') writeFiles(root, { 'governance/keys/team.pem': publicPem(trusted) });
      appendGateRecord(root, settings, unsealed({ gate: owner === 'its own' ? GATE : OTHER }), keyOf(signature));
      if (owner !== 'its own') {
        // Another gate's record (and chain) copied into this gate's folder.
        writeFiles(root, { [gateLatestFile(settings, GATE)]: '' });
        copyFileSync(join(root, gateLatestFile(settings, OTHER)), join(root, gateLatestFile(settings, GATE)));
      }
      const judgement = judge(hash);
      expect({ state: judgement.state, reason: judgement.reason }).toEqual({ state: expected(signature, key, hash, owner), reason: expect.any(String) });
      expect(judgedRecord(judgement) !== undefined).toBe(judgement.state === 'pass');
    });
  });

  it('names the signing key and the trusted ones when a record is signed by a key no trusted key matches', () => {
    writeFiles(root, { 'governance/keys/team.pem': publicPem(trusted) });
    appendGateRecord(root, settings, unsealed(), privatePem(untrusted));
    const judgement = judge();
    expect(judgement.state).toBe('untrusted');
    expect(judgement.reason).toContain(keyFingerprint(untrusted.publicKey));
    expect(judgement.reason).toContain(keyFingerprint(trusted.publicKey));
    expect(describeJudgement(judgement)).toMatch(/\(run: nx run governance:verify-evidence, then nx run governance:VG-JUDGE-001\)$/);
  });

  it('reads the keys beside the settings file in use, not governance/keys', () => {
    writeFiles(root, { 'ops/keys/team.pem': publicPem(trusted) });
    appendGateRecord(root, settings, unsealed());
    expect(judge('same hash', 'governance/governance.json').state).toBe('pass');
    expect(judge('same hash', 'ops/governance.json')).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('ops/keys/') });
  });

  it('is untrusted when a key file does not load, whatever the record', () => {
    writeFiles(root, { 'governance/keys/broken.pem': 'not a key' });
    appendGateRecord(root, settings, unsealed());
    expect(judge()).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('governance/keys/broken.pem') });
  });

  describe('the chain', () => {
    it('passes the head of a whole chain', () => {
      appendGateRecord(root, settings, unsealed({ result: 'fail', taskHash: 'old' }));
      appendGateRecord(root, settings, unsealed());
      expect(judge().state).toBe('pass');
    });

    it('is untrusted when latest is not the head: a newer record in the chain says otherwise', () => {
      appendGateRecord(root, settings, unsealed());
      const saved = join(root, gateLatestFile(settings, GATE));
      const pass = `${saved}.pass`;
      copyFileSync(saved, pass);
      // The same inputs failed since: a pass restored over them is not what the chain says now.
      appendGateRecord(root, settings, unsealed({ result: 'fail' }));
      appendGateRecord(root, settings, unsealed({ result: 'fail' }));
      copyFileSync(pass, saved);
      expect(judge()).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('not the head of a whole chain') });
    });

    it('passes an older record Nx restored for inputs that hash as they did then', () => {
      appendGateRecord(root, settings, unsealed());
      const saved = join(root, gateLatestFile(settings, GATE));
      copyFileSync(saved, `${saved}.pass`);
      appendGateRecord(root, settings, unsealed({ result: 'fail', taskHash: 'other' }));
      copyFileSync(`${saved}.pass`, saved);
      expect(judge().state).toBe('pass');
    });

    it('is untrusted when a link is broken (a record in the middle is missing)', () => {
      for (let i = 0; i < 3; i++) appendGateRecord(root, settings, unsealed());
      rmSync(join(root, gateRecordFile(settings, { sequence: 2, gate: GATE })));
      expect(judge()).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('a record is missing, moved or swapped') });
    });

    it('is untrusted when a chain record is tampered with', () => {
      appendGateRecord(root, settings, unsealed());
      appendGateRecord(root, settings, unsealed());
      const first = join(root, gateRecordFile(settings, { sequence: 1, gate: GATE }));
      writeFileSync(first, require('node:fs').readFileSync(first, 'utf8').replace('"durationMs": 1000', '"durationMs": 2'));
      expect(judge()).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('does not match its sha256 digest') });
    });

    it('passes a latest without its chain made elsewhere (committed or restored), but not one made in this checkout', () => {
      appendGateRecord(root, settings, unsealed());
      rmSync(join(root, gateRecordFile(settings, { sequence: 1, gate: GATE })));
      expect(judge().state).toBe('pass');
      cleanup();
      ({ root, cleanup } = makeTempWorkspace());
      appendGateRecord(root, settings, unsealed({ producedBy: { host: hostname(), checkout: root, runnerPid: 1 } }));
      rmSync(join(root, gateRecordFile(settings, { sequence: 1, gate: GATE })));
      expect(judge()).toMatchObject({ state: 'untrusted', reason: expect.stringContaining('the chain was deleted') });
    });
  });

  describe('the record itself', () => {
    it('is missing without a record, with what to run', () => {
      expect(judge()).toMatchObject({ state: 'missing', fix: 'nx run governance:VG-JUDGE-001' });
    });

    it.each([
      ['pass', 'pass'],
      ['fail', 'fail'],
      ['interrupted', 'fail'],
      ['blocked', 'blocked'],
      ['pending', 'pending'],
    ] as const)('a current, trusted %s record is %s', (result, state) => {
      appendGateRecord(root, settings, unsealed({ result, notes: ['why'] }));
      expect(judge()).toMatchObject({ state, reason: result === state ? 'why' : `${result}: why` });
    });

    it('says stale with what to run, never the old result, when the inputs changed', () => {
      appendGateRecord(root, settings, unsealed({ result: 'pass' }));
      const judgement = judge('other hash');
      expect(judgement).toMatchObject({ state: 'stale', fix: 'nx run governance:VG-JUDGE-001' });
      expect(judgement.reason).toMatch(/is stale: made for Nx task hash hash-now, but the gate's inputs now hash to hash-other/);
    });

    it('is unknown, never a pass, when the current hash is unknown; and a record without a hash is stale', () => {
      appendGateRecord(root, settings, unsealed());
      expect(judge('unknown hash')).toMatchObject({ state: 'unknown', fix: 'nx run governance:VG-JUDGE-001' });
      cleanup();
      ({ root, cleanup } = makeTempWorkspace());
      appendGateRecord(root, settings, unsealed({ taskHash: undefined }));
      expect(judge()).toMatchObject({ state: 'stale', reason: expect.stringContaining('made for no Nx task hash') });
    });
  });
});
