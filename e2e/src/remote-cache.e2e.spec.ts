import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedFromCache, tasksExecuted, TestWorkspace } from '../helpers/workspace';
import { commandGate } from '../helpers/gate-fixtures';

/**
 * Issue 11: the Nx cache carries evidence whole. Two clones with separate
 * local caches share Nx's HTTP remote cache (a small server on 127.0.0.1,
 * test code; the product uses Nx's own client): the second clone restores
 * everything, runs nothing, and every reader agrees with the first.
 */
function startCacheServer(): Promise<{ url: string; server: ChildProcessWithoutNullStreams }> {
  const server = spawn(process.execPath, [join(__dirname, '..', 'helpers', 'remote-cache-server.mjs')], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', (data) => resolve({ url: `http://127.0.0.1:${String(data).trim()}`, server }));
  });
}

const gate = (id: string, fields: object) => commandGate(id, { inputs: [], ...fields });

describe('two clones sharing the HTTP remote cache, signing on', () => {
  let first: TestWorkspace;
  let second: TestWorkspace;
  let cache: { url: string; server: ChildProcessWithoutNullStreams };
  const keyDir = mkdtempSync(join(tmpdir(), 'nx-governance-key-'));

  beforeAll(async () => {
    cache = await startCacheServer();
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(join(keyDir, 'signing.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    first = TestWorkspace.create({ bundled: false });
    first.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }));
    first.write('governance/keys/release-manager.pem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    first.write('checks/project.json', JSON.stringify({ name: 'checks', targets: { check: { executor: 'nx:run-commands', cache: true, inputs: ['{projectRoot}/**/*'], options: { command: "node -e \"console.log('4 passed, 0 failed')\"" } } } }));
    first.write('checks/README.md', 'A project whose check target a gate needs.\n');
    first.write('governance/gates/VG-CMD-001.json', JSON.stringify(gate('VG-CMD-001', { steps: [{ argv: ['node', '-e', "console.log('3 passed, 0 failed')"] }], passCriteria: { minTests: { count: 3 } } })));
    first.write('governance/gates/VG-STEP-001.json', JSON.stringify(gate('VG-STEP-001', { steps: [{ target: 'checks:check' }] })));
    first.commit('gates');
  });
  afterAll(() => {
    cache.server.stdin.end();
    first?.remove();
    second?.remove();
    rmSync(keyDir, { recursive: true, force: true });
  });

  const remote = () => ({ NX_SELF_HOSTED_REMOTE_CACHE_SERVER: cache.url });
  const evidenceFiles = (workspace: TestWorkspace) =>
    ['VG-CMD-001', 'VG-STEP-001'].flatMap((id) =>
      ['', 'records', 'logs'].flatMap((sub) => {
        const dir = `evidence/gates/${id}${sub ? `/${sub}` : ''}`;
        return workspace.exists(dir) ? readdirSync(workspace.path(dir)).filter((n) => /\.(json|md|log)$/.test(n)).map((n) => `${dir}/${n}`) : [];
      }),
    ).sort();

  it('the first clone runs and signs every gate and fills the remote cache', () => {
    const run = first.nxWithEnv({ ...remote(), GOVERNANCE_SIGNING_KEY: join(keyDir, 'signing.pem') }, 'run', 'governance:gate');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['checks:check', 'governance:VG-CMD-001', 'governance:VG-STEP-001', 'governance:gate']);
    expect(JSON.parse(first.read('evidence/gates/VG-CMD-001/latest.json')).envelope.signatures).toHaveLength(1);
  });

  it('the second clone restores everything, runs nothing, and every reader agrees with the first', () => {
    second = first.cloneTo();
    const run = second.nxWithEnv(remote(), 'run', 'governance:gate', '--json=reports/run.json');
    expect(run.code).toBe(0);
    // The aggregate runs: --json is an option, so its hash differs from the first clone's run without it.
    expect(tasksExecuted(run)).toEqual(['governance:gate']);
    for (const task of ['checks:check', 'governance:VG-CMD-001', 'governance:VG-STEP-001']) expect(servedFromCache(run, task)).toBe(true);
    // The chain, the logs and the latest records, byte for byte.
    expect(evidenceFiles(second)).toEqual(evidenceFiles(first));
    for (const file of evidenceFiles(first)) expect(second.read(file)).toBe(first.read(file));
    // The run says the records were restored, and where they were produced.
    const report = JSON.parse(second.read('reports/run.json'));
    expect(report.gates.map((g: { origin: string }) => g.origin)).toEqual(['restored', 'restored']);
    const record = JSON.parse(second.read('evidence/gates/VG-CMD-001/latest.json')).record;
    expect(record.producedBy.checkout).toBe(first.root);
    expect(second.exists(record.steps[0].log)).toBe(true);
    // The signature survived, and verify-evidence accepts the restored chain against the committed key.
    const verify = second.nx('run', 'governance:verify-evidence');
    expect(verify.code).toBe(0);
    expect(verify.output).toContain('evidence file(s) verify.');
  });
});
