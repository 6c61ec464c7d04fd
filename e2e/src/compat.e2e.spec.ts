import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { servedFromCache, tasksExecuted, tasksInRun, TestWorkspace } from '../helpers/workspace';

const CONSUMER_TASKS = ['io-rflx:compat', 'loop-agent:compat', 'rlm-claude-code:compat'];
const compatTasks = (tasks: string[]) => tasks.filter((t) => t.endsWith(':compat'));

/** A PATH with node, git and python3 but no cargo, to play a machine without the Rust toolchain. */
function pathWithoutCargo(): string {
  const bin = mkdtempSync(join(tmpdir(), 'nx-governance-nocargo-'));
  for (const tool of ['node', 'git', 'python3', 'tar']) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    const real = tool === 'python3' ? spawnSync(found, ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).stdout.trim() : found;
    symlinkSync(real, join(bin, tool));
  }
  return [bin, '/usr/bin', '/bin'].join(':');
}

describe('consumers as inferred projects, compatibility runs with real cargo and python3', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  it('infers the core and the consumers, with core -> consumer edges in the graph', () => {
    const shown = workspace.nx('show', 'projects', '--json');
    expect(JSON.parse(shown.stdout).sort()).toEqual(['governance', 'io-rflx', 'loop', 'loop-agent', 'rlm-claude-code']);
    expect(workspace.nx('graph', '--file=graph.json').code).toBe(0);
    const graph = JSON.parse(workspace.read('graph.json')).graph;
    for (const consumer of ['io-rflx', 'loop-agent', 'rlm-claude-code']) {
      expect(graph.dependencies[consumer]).toEqual([{ source: consumer, target: 'loop', type: 'implicit' }]);
    }
    expect(graph.nodes.loop.data.targets.build.outputs).toEqual(['{workspaceRoot}/loop/target/release/loop']);
  });

  it('runs every consumer against the built core and records a passing result with its tuple', () => {
    const run = workspace.nx('run-many', '-t', 'compat');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual(['io-rflx:compat', 'loop-agent:compat', 'loop:build', 'rlm-claude-code:compat']);
    const record = JSON.parse(workspace.read('evidence/compat/rlm-claude-code/latest.json'));
    expect(record).toMatchObject({
      kind: 'nx-governance/compat-result',
      consumer: 'rlm-claude-code',
      result: 'pass',
      tests: { passed: 5, failed: 0, skipped: 0, source: 'unittest' },
      tuple: {
        core: { project: 'loop', version: '0.4.2', dirty: false },
        consumer: { name: 'rlm-claude-code', version: '0.3.1', dirty: false },
        schemaVersion: 'loop.envelope.v1',
      },
      command: { argv: ['python3', '-m', 'unittest', 'discover', '-s', 'tests', '-v'], cwd: 'vendor/rlm-claude-code' },
    });
    expect(record.tuple.core.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(record.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(workspace.read('evidence/compat/io-rflx/latest.json')).tests).toEqual({ passed: 5, failed: 0, skipped: 0, source: 'cargo test' });
    expect(workspace.read('evidence/compat/loop-agent/latest.md')).toContain('- Result: pass (4 test(s) passed, 0 skipped)');
  });

  it('serves a second run fully from the local cache, restoring the results', () => {
    workspace.delete('evidence/compat/io-rflx/latest.json');
    const run = workspace.nx('run-many', '-t', 'compat');
    expect(run.code).toBe(0);
    expect(tasksExecuted(run)).toEqual([]);
    expect(servedFromCache(run, 'io-rflx:compat')).toBe(true);
    expect(JSON.parse(workspace.read('evidence/compat/io-rflx/latest.json')).result).toBe('pass');
    workspace.commit('compat results');
  });

  it('runs only io-rflx for a change in vendor/io-rflx', () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('vendor/io-rflx/src/lib.rs', '//! Reads the envelopes', '//! Reads (and checks) the envelopes');
    workspace.commit('io-rflx: doc');
    const affected = workspace.nx('show', 'projects', '--affected', `--base=${base}`, '--head=HEAD', '--json');
    expect(JSON.parse(affected.stdout)).toEqual(['io-rflx']);
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).toBe(0);
    expect(compatTasks(tasksInRun(run))).toEqual(['io-rflx:compat']);
    expect(tasksExecuted(run)).toEqual(['io-rflx:compat']);
  });

  it('runs none for a change to README.md or to governance/', () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.write('README.md', '# governed\n');
    workspace.edit('governance/cadence.json', 'Decision log review', 'Decision log review and cleanup');
    workspace.commit('docs and governance');
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).toBe(0);
    expect(compatTasks(tasksInRun(run))).toEqual([]);
    const governed = workspace.nx('run', 'governance:compat-run', '--affected', `--base=${base}`, '--head=HEAD');
    expect(governed.code).toBe(0);
    expect(governed.output).toContain('No consumer to run: the change reaches none.');
  });

  it('re-runs no consumer when a comment-only core change builds the same artifact', () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('loop/src/lib.rs', '//! The loop core: runs a named task', '//! The loop core - runs a named task');
    workspace.commit('loop: comment');
    const run = workspace.nx('affected', '-t', 'compat', `--base=${base}`, '--head=HEAD');
    expect(run.code).toBe(0);
    expect(compatTasks(tasksInRun(run))).toEqual(CONSUMER_TASKS);
    expect(tasksExecuted(run)).toEqual(['loop:build']);
  });

  it('runs all three for a core change that changes the build, and names the one consumer it breaks', () => {
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.edit('loop/src/lib.rs', '"reverse" => Outcome::Text(request.input.chars().rev().collect()),', '"reverse" => Outcome::Text(request.input.clone()),');
    workspace.commit('loop: break reverse');
    const run = workspace.nx('run', 'governance:compat-run', '--affected', `--base=${base}`, '--head=HEAD');
    expect(run.code).not.toBe(0);
    expect(compatTasks(tasksExecuted(run))).toEqual(CONSUMER_TASKS);
    expect(run.output).toMatch(/\[2\/3\] loop-agent\s+regressed\s+exited 1, 1 of 4 test\(s\) failed/);
    expect(run.output).toMatch(/\[1\/3\] io-rflx\s+pass/);
    const record = JSON.parse(workspace.read('evidence/compat/loop-agent/latest.json'));
    expect(record).toMatchObject({ result: 'regressed', outcome: 'fail', previous: { result: 'pass' } });
    expect(workspace.read('evidence/compat/loop-agent/latest.md')).toContain('- Result: regressed (exited 1, 1 of 4 test(s) failed)');
  });

  it('finds the breaking core commit with --bisect', () => {
    const good = workspace.git('rev-parse', 'HEAD~2');
    const breaking = workspace.git('rev-parse', 'HEAD');
    const run = workspace.nx('run', 'loop-agent:compat', '--bisect', `--good=${good}`, '--skip-nx-cache');
    expect(run.code).not.toBe(0);
    const record = JSON.parse(workspace.read('evidence/compat/loop-agent/latest.json'));
    expect(record.result).toBe('still-failing');
    expect(record.bisect).toMatchObject({ good, firstBad: breaking });
    expect(record.bisect.note).toBe(`first failing core revision: ${breaking.slice(0, 12)} loop: break reverse`);
  });

  it('records a missing toolchain as spurious, with a clear reason and a non-zero exit', () => {
    workspace.edit('vendor/io-rflx/src/lib.rs', '//! Reads (and checks) the envelopes', '//! Reads the envelopes');
    const run = workspace.nxWithEnv({ PATH: pathWithoutCargo() }, 'run', 'io-rflx:compat');
    expect(run.code).not.toBe(0);
    expect(servedFromCache(run, 'loop:build')).toBe(true);
    expect(run.output).toContain('[compat io-rflx] spurious: cargo not found');
    expect(run.output).not.toMatch(/at .*\.js:\d+/);
    expect(JSON.parse(workspace.read('evidence/compat/io-rflx/latest.json'))).toMatchObject({ result: 'spurious', reason: 'cargo not found' });
  });
});
