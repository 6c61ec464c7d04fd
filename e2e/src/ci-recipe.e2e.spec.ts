import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type RunResult, servedFromCache, TestWorkspace } from '../helpers/workspace';

/**
 * Issues 20 and 22: the recipes `init --ci=github` and `--ci=gitlab` write,
 * each command run in order as the CI would run it (after the install, which
 * the linked node_modules stand for, with the base nrwl/nx-set-shas or the
 * GitLab script sets). GitHub's: three compat shards as three processes in
 * three clones sharing the HTTP remote cache, then the governance job in a
 * fourth clone that joins their results. GitLab's: everything in one clone,
 * the single-machine run. The two reports agree.
 */
function startCacheServer(): Promise<{ url: string; server: ChildProcessWithoutNullStreams }> {
  const server = spawn(process.execPath, [join(__dirname, '..', 'helpers', 'remote-cache-server.mjs')], { stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.stdout.once('data', (data) => resolve({ url: `http://127.0.0.1:${String(data).trim()}`, server }));
  });
}

type Step = { run?: string; uses?: string; if?: string };
type Workflow = { jobs: { compat: { strategy: { matrix: { shard: number[] } }; steps: Step[] }; governance: { steps: Step[] } } };
type Pipeline = { default: { before_script: string[] }; compat: { parallel: number; script: string[] }; governance: { script: string[] } };

/** `npx nx a b c` as nx's arguments; anything else is not a command this test knows how to run. */
function nxArguments(command: string): string[] {
  const [npx, nx, ...args] = command.split(' ');
  expect(`${npx} ${nx}`).toBe('npx nx');
  return args;
}

/** Runs each command in order whatever the previous one did, as the recipes do; the exit code of each. */
function runInOrder(workspace: TestWorkspace, env: NodeJS.ProcessEnv, commands: string[]): Array<{ command: string; code: number; tail: string; run: RunResult }> {
  return commands.map((command) => {
    const run = workspace.nxWithEnv(env, ...nxArguments(command));
    return { command, code: run.code, tail: run.code ? run.output.slice(-1500) : '', run };
  });
}

describe('the CI recipes init writes', () => {
  let workspace: TestWorkspace;
  const clones: TestWorkspace[] = [];
  let cache: { url: string; server: ChildProcessWithoutNullStreams } | undefined;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => {
    cache?.server.stdin.end();
    for (const clone of clones) clone.remove();
    workspace.remove();
  });
  const clone = () => {
    const made = workspace.cloneTo();
    clones.push(made);
    return made;
  };

  it('GitHub: three shards and the joined governance job report what one machine running the GitLab pipeline reports', async () => {
    for (const ci of ['github', 'gitlab']) expect(workspace.nx('g', 'nx-governance:init', `--ci=${ci}`, '--ciShards=3', '--no-interactive').code).toBe(0);
    const workflow = parse(workspace.read('.github/workflows/governance.yml')) as Workflow;
    const pipeline = parse(workspace.read('.gitlab-ci.yml')) as Pipeline;
    expect(workspace.read('.gitignore')).toContain('evidence/gates/*/records/');
    const base = workspace.commit('init --ci');
    // A change that reaches every consumer, and no core source: the core's build is shared through the cache.
    for (const consumer of ['io-rflx', 'loop-agent', 'rlm-claude-code']) workspace.write(`vendor/${consumer}/CHANGES.md`, 'A change.\n');
    const head = workspace.commit('a change to every consumer');
    const revisions = { NX_BASE: base, NX_HEAD: head };

    // The GitHub workflow: every run step is the install or an nx command, in this order.
    const runs = (steps: Step[]) => steps.map((s) => s.run).filter((run): run is string => !!run);
    const compatRuns = runs(workflow.jobs.compat.steps).filter((run) => run !== 'npm ci');
    const governanceRuns = runs(workflow.jobs.governance.steps).filter((run) => run !== 'npm ci' && !run.startsWith('echo'));
    expect(workflow.jobs.compat.strategy.matrix.shard).toEqual([1, 2, 3]);

    cache = await startCacheServer();
    const remote = { ...revisions, NX_SELF_HOSTED_REMOTE_CACHE_SERVER: cache.url };
    const shardRuns = workflow.jobs.compat.strategy.matrix.shard.map((shard) => {
      const machine = clone();
      const results = runInOrder(machine, remote, compatRuns.map((run) => run.replaceAll('${{ matrix.shard }}', String(shard))));
      return { machine, results };
    });
    for (const { results } of shardRuns) expect(results.map(({ command, code, tail }) => ({ command, code, tail }))).toEqual(results.map(({ command }) => ({ command, code: 0, tail: '' })));
    // Each shard ran its own consumers, and together they ran each exactly once.
    const ranByShard = shardRuns.map(({ machine }, index) => JSON.parse(machine.read(`reports/compat-shard-${index + 1}.json`)).consumers.map((c: { consumer: string }) => c.consumer));
    expect(ranByShard.flat().sort()).toEqual(['io-rflx', 'loop-agent', 'rlm-claude-code']);
    expect(ranByShard.map((names: string[]) => names.length)).toEqual([1, 1, 1]);

    const joined = clone();
    const summary = joined.path('step-summary.md');
    const governance = runInOrder(joined, { ...remote, GITHUB_STEP_SUMMARY: summary }, governanceRuns);
    expect(governance.map(({ command, code, tail }) => ({ command, code, tail }))).toEqual(governanceRuns.map((command) => ({ command, code: 0, tail: '' })));
    // The joined job restored each shard's result from the remote cache: it ran no consumer itself.
    const compatJoin = governance.find(({ command }) => command.includes(':compat-run'))!.run;
    for (const consumer of ['io-rflx', 'loop-agent', 'rlm-claude-code']) expect({ consumer, restored: servedFromCache(compatJoin, `${consumer}:compat`) }).toEqual({ consumer, restored: true });
    expect(joined.read('reports/governance-junit.xml')).toContain('<testsuites');
    expect(joined.read('step-summary.md')).toContain('## Governance: this change against');

    // The GitLab pipeline on one machine: the before_script's base, then the governance job's script.
    const gitlab = clone();
    expect(pipeline.default.before_script).toContain('npm ci');
    expect(pipeline.compat.script).toEqual([compatRuns[0].replaceAll('${{ matrix.shard }}', '$CI_NODE_INDEX').replace('/3 ', '/$CI_NODE_TOTAL ')]);
    const script = pipeline.governance.script.filter((line) => line !== 'status=0' && line !== 'exit $status').map((line) => line.replace(/ \|\| status=1$/, ''));
    const single = runInOrder(gitlab, revisions, script);
    expect(single.map(({ command, code, tail }) => ({ command, code, tail }))).toEqual(script.map((command) => ({ command, code: 0, tail: '' })));
    expect(gitlab.read('reports/governance-report.md')).toContain('## Governance: this change against');

    // The joined report is the single machine's, row for row, and so are the consumers' results.
    const report = (machine: TestWorkspace) => JSON.parse(machine.read('reports/report.json'));
    expect(report(joined)).toEqual(report(gitlab));
    const compatResults = (machine: TestWorkspace) => JSON.parse(machine.read('reports/compat.json')).consumers.map(({ consumer, result }: { consumer: string; result: string }) => ({ consumer, result }));
    expect(compatResults(joined)).toEqual(compatResults(gitlab));
    expect(compatResults(gitlab).map((c: { result: string }) => c.result)).toEqual(['pass', 'pass', 'pass']);

    // History stays local: git sees the latest records, not the chains and logs behind them.
    const untracked = joined.git('status', '--porcelain', '--untracked-files=all');
    expect(untracked).toContain('evidence/gates/VG-LOOP-TEST-001/latest.json');
    expect(untracked).not.toContain('/records/');
    expect(untracked).not.toContain('/logs/');
  });
});
