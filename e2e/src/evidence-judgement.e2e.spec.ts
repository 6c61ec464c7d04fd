import { createHash, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sealGateEvidence } from '../../packages/nx-governance/src/lib/evidence/gate-store';
import { type CacheServer, editEntry, getEntry, missedHashes, putEntry, startCacheServer } from '../helpers/remote-cache';
import { servedFromCache, TestWorkspace } from '../helpers/workspace';
import { commandGate } from '../helpers/gate-fixtures';

/**
 * Issue 18: one judgement of evidence at every seam. Each scenario is a small
 * workspace of its own, with real nx, git and (for the first) Nx's HTTP
 * remote cache client against a test server.
 */
const keyDir = mkdtempSync(join(tmpdir(), 'nx-governance-keys-'));
afterAll(() => rmSync(keyDir, { recursive: true, force: true }));

function keyPair(name: string): { publicPem: string; privateFile: string; publicKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const privateFile = join(keyDir, `${name}.pem`);
  writeFileSync(privateFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  return { publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateFile, publicKey };
}

/** How messages name a key: the start of the sha256 of its public key (its DSSE key id). */
const keyFingerprint = (key: KeyObject) => createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);

const trusted = keyPair('trusted');
const untrusted = keyPair('untrusted');

/** A gate over the core: its "tests" pass while core/state.txt says ok. */
const CORE_TEST = 'VG-CORE-TEST-001';
const coreTestGate = commandGate(CORE_TEST, {
  inputs: ['core/**'],
  steps: [{ argv: ['node', '-e', "if (require('fs').readFileSync('core/state.txt', 'utf8').trim() !== 'ok') { console.error('1 passed, 1 failed'); process.exit(1) } console.log('2 passed, 0 failed')"] }],
});
const PLAYBOOK = (gates: string[]) => ({
  roles: [{ id: 'qa', title: 'Quality', owner: 'qa team' }],
  releaseClasses: [{ id: 'R0', title: 'Everything', gates }],
  defaultReleaseClass: 'R0',
  preReleaseChecklist: [],
  goNoGo: [],
  rollbackTriggers: [],
  rollbackProcedure: [{ step: 'Redeploy the previous tag.', owner: 'qa' }],
});

function coreWorkspace(folder = 'governance'): TestWorkspace {
  const workspace = TestWorkspace.create({ bundled: false });
  workspace.write(`${folder}/governance.json`, JSON.stringify({ core: { project: 'governance' } }));
  workspace.write(`${folder}/keys/trusted.pem`, trusted.publicPem);
  workspace.write(`${folder}/gates/${CORE_TEST}.json`, JSON.stringify(coreTestGate));
  workspace.write(`${folder}/playbook.json`, JSON.stringify(PLAYBOOK([CORE_TEST])));
  workspace.write('core/state.txt', 'ok\n');
  workspace.commit('a core and its test gate');
  return workspace;
}

/** Every file under `folder`, recursively. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a remote cache poisoned by someone without the private key', () => {
  let cache: CacheServer;
  const clones: TestWorkspace[] = [];
  beforeAll(async () => (cache = await startCacheServer()));
  afterAll(() => {
    cache.server.stdin.end();
    for (const clone of clones) clone.remove();
  });

  it("does not let the victim's gate run say passed or exit 0", async () => {
    const origin = coreWorkspace();
    clones.push(origin);
    const remote = { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: cache.url };
    const newMisses = async (run: () => void) => {
      const before = (await missedHashes(cache)).length;
      run();
      return (await missedHashes(cache)).slice(before);
    };

    // CI, with the trusted key, runs the gates on a good tree and fills the remote cache.
    const ci = origin.cloneTo();
    clones.push(ci);
    const [goodGateHash, goodAggregateHash] = await newMisses(() => expect(ci.nxWithEnv({ ...remote, GOVERNANCE_SIGNING_KEY: trusted.privateFile }, 'run', 'governance:gate').code).toBe(0));

    // A change breaks the core's tests.
    origin.write('core/state.txt', 'broken\n');
    origin.commit('break the core');

    // The attacker learns the hash the broken tree's gate asks for, and uploads a passing record for it signed with their own key.
    const attacker = origin.cloneTo();
    clones.push(attacker);
    const [brokenGateHash] = await newMisses(() => expect(attacker.nxWithEnv(remote, 'run', `governance:${CORE_TEST}`).code).not.toBe(0));
    const forged = editEntry(await getEntry(cache, goodGateHash), (folder) => {
      for (const file of filesUnder(folder).filter((f) => f.includes(`gates/${CORE_TEST}/`) && f.endsWith('.json'))) {
        const evidence = JSON.parse(readFileSync(file, 'utf8'));
        writeFileSync(file, `${JSON.stringify(sealGateEvidence({ ...evidence.record, taskHash: brokenGateHash }, readFileSync(untrusted.privateFile, 'utf8')), null, 2)}\n`);
      }
    });
    await putEntry(cache, brokenGateHash, forged);
    // And, where the aggregate asks the cache, an earlier successful aggregate under the hash it asks for.
    const aggregateMisses = await newMisses(() => attacker.nxWithEnv(remote, 'run', 'governance:gate'));
    for (const hash of aggregateMisses) if (goodAggregateHash) await putEntry(cache, hash, await getEntry(cache, goodAggregateHash));

    const victim = origin.cloneTo();
    clones.push(victim);
    const run = victim.nxWithEnv(remote, 'run', 'governance:gate');
    expect(servedFromCache(run, `governance:${CORE_TEST}`)).toBe(true);
    // Nx restored the uploaded aggregate and replayed its pass; the post-run hook judged its gate again before Nx
    // returned, and what the command says last, and its exit code, are that judgement.
    expect(servedFromCache(run, 'governance:gate')).toBe(true);
    expect(run.code).not.toBe(0);
    const judgedAgain = run.output.slice(run.output.indexOf('governance:gate was restored from a cache, and its gates\' records do not hold its verdict now'));
    expect(judgedAgain).toMatch(new RegExp(`${CORE_TEST}\\s+untrusted`));
    expect(judgedAgain).toContain(keyFingerprint(untrusted.publicKey));
    expect(judgedAgain).not.toMatch(/required gate\(s\) passed/);
  });
});

describe('settings in another folder, with their own keys', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = coreWorkspace('ops')));
  afterAll(() => workspace.remove());

  it('the aggregate accepts a record signed with a key of ops/keys/', () => {
    const run = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: trusted.privateFile }, 'run', 'governance:gate');
    expect(run.output).toContain('All 1 required gate(s) passed.');
    expect(run.code).toBe(0);
  });

  it('readiness does not accept a record re-sealed without a signature', () => {
    const latest = `evidence/gates/${CORE_TEST}/latest.json`;
    const resealed = sealGateEvidence(JSON.parse(workspace.read(latest)).record);
    for (const file of [latest, `evidence/gates/${CORE_TEST}/records/000001-${CORE_TEST}.json`]) workspace.write(file, `${JSON.stringify(resealed, null, 2)}\n`);
    workspace.commit('evidence, re-sealed');
    const run = workspace.nx('run', 'governance:release-readiness', '--releaseVersion=1.0.0', '--class=R0', '--approver=Release Bot');
    expect(run.output).not.toMatch(new RegExp(`pass\\s+gate ${CORE_TEST}`));
    expect(run.output).toMatch(new RegExp(`inconclusive\\s+gate ${CORE_TEST} has passing, current evidence for this commit: untrusted: unsigned: .*ops/keys/`));
    expect(run.code).not.toBe(0);
  });
});

describe('a signing key no trusted key matches', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = coreWorkspace();
    workspace.write('governance/gates/VG-SIDE-001.json', JSON.stringify(commandGate('VG-SIDE-001', { inputs: [], steps: [{ argv: ['node', '-e', "require('fs').writeFileSync('ran.txt', 'ran'); console.log('1 passed, 0 failed')"] }] })));
    workspace.write('governance/gates/VG-MANUAL-001.json', JSON.stringify({ id: 'VG-MANUAL-001', title: 'Manual', scope: 'e2e', owner: 'qa', kind: 'manual', checklist: ['Reviewed'], inputs: [] }));
    workspace.write('answers.json', JSON.stringify([{ answer: 'yes', note: '' }]));
    workspace.commit('a gate with a side effect, a manual gate');
  });
  afterAll(() => workspace.remove());
  const both = [keyFingerprint(untrusted.publicKey), keyFingerprint(trusted.publicKey)];

  it('is refused by a gate before anything runs, naming both fingerprints', () => {
    const run = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: untrusted.privateFile }, 'run', 'governance:VG-SIDE-001');
    expect(run.code).not.toBe(0);
    for (const fingerprint of both) expect(run.output).toContain(fingerprint);
    expect(workspace.exists('ran.txt')).toBe(false);
    expect(workspace.exists('evidence/gates/VG-SIDE-001/latest.json')).toBe(false);
  });

  it('is refused by attest, as is no key where signatures are required, before anything is written', () => {
    const signedBadly = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: untrusted.privateFile }, 'run', 'governance:attest', '--gate=VG-MANUAL-001', '--answers=answers.json');
    expect(signedBadly.code).not.toBe(0);
    for (const fingerprint of both) expect(signedBadly.output).toContain(fingerprint);
    const unsigned = workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: '' }, 'run', 'governance:attest', '--gate=VG-MANUAL-001', '--answers=answers.json');
    expect(unsigned.code).not.toBe(0);
    expect(unsigned.output).toContain('records must be signed');
    expect(existsSync(workspace.path('evidence/attestations'))).toBe(false);
    expect(workspace.exists('evidence/gates/VG-MANUAL-001/latest.json')).toBe(false);
  });
});

describe('the report on a branch that broke the core', () => {
  let workspace: TestWorkspace;
  beforeAll(() => {
    workspace = coreWorkspace();
    expect(workspace.nxWithEnv({ GOVERNANCE_SIGNING_KEY: trusted.privateFile }, 'run', 'governance:gate').code).toBe(0);
    workspace.commit('evidence of main');
    workspace.git('checkout', '-q', '-b', 'break-core');
    workspace.write('core/state.txt', 'broken\n');
    workspace.commit('break the core');
  });
  afterAll(() => workspace.remove());

  it("shows the core's test gate as stale, with what to run, not as main's pass", () => {
    const run = workspace.nx('run', 'governance:report', '--base=main', '--json=reports/pr.json');
    expect(run.code).toBe(0);
    const row = run.output.split('\n').find((line) => line.startsWith(`| gate | ${CORE_TEST}`));
    // Outside a CI that says where the repository lives, the base's result has no link (a relative one would show the file as it is now).
    expect(row).toMatch(new RegExp(`^\\| gate \\| ${CORE_TEST} \\| \\[stale\\]\\(.*\\) \\| pass \\| to run again \\|`));
    expect(run.output).toContain(`nx run governance:${CORE_TEST}`);
  });
});
