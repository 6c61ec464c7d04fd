// Benchmark: a fully cached `nx run governance:gate` over 30 gates (an aggregate
// target whose dependsOn are the gates, all in one Nx process) against a cached
// no-op `nx run`, in the same workspace and run; then how many of the 30 gate
// tasks Nx executes again after one gate is edited, in gates.json and in a file of its own. Where the time
// goes: the same 30 gates restored without the aggregate (`nx run-many`), so the
// rest is the aggregate's own executor.
// Run: npm run bench:gates
import { tasksExecuted, tasksInRun, type RunResult, type TestWorkspace } from '../e2e/helpers/workspace';
import { inWorkspace, interleavedMedians, ms, printComparison, row, RUNS, runNx, sized, sizeFromEnv } from './bench-utils';

const GATES = sized(30, 3);
const gateIds = Array.from({ length: GATES }, (_, i) => `VG-BENCH-${String(i + 1).padStart(3, '0')}`);
const GATE_RUN = ['run', 'governance:gate'];

// Each gate declares what it reads, so that only what the plugin infers could tie one gate's hash to another's
// (expected: 1 of 30 re-runs in either layout, since each gate's hash carries only its own definition's digest).
const gate = (id: string, n: number) => ({
  id,
  title: `Gate ${n}`,
  scope: 'bench',
  owner: 'qa',
  kind: 'command',
  inputs: ['bench/**/*'],
  steps: [{ argv: ['node', '-e', "console.log('1 passed, 0 failed')"] }],
  passCriteria: { minTests: { count: 1 } },
});

function writeGates(workspace: TestWorkspace, gates: object[]): void {
  workspace.write('governance/gates.json', JSON.stringify({ gates }, null, 2));
}

/** How many of the gates Nx executed rather than restored; stops when Nx's output does not list every gate. */
function gatesExecuted(result: RunResult): number {
  const listed = tasksInRun(result).filter((task) => gateIds.includes(task.replace(/^governance:/, '')));
  if (listed.length !== GATES) {
    throw new Error(`nx ${GATE_RUN.join(' ')}: found ${listed.length} gate task(s) in Nx's output, expected ${GATES}:\n${result.output}`);
  }
  return tasksExecuted(result).filter((task) => listed.includes(task)).length;
}

inWorkspace({ bundled: false }, (workspace) => {
  const gates = gateIds.map((id, i) => gate(id, i + 1));
  workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
  workspace.write('bench/README.md', 'What the benchmark gates read.\n');
  writeGates(workspace, gates);
  workspace.write('noop/project.json', JSON.stringify({ name: 'noop', targets: { noop: { executor: 'nx:noop', cache: true } } }, null, 2));
  workspace.commit('bench gates');
  runNx(workspace, GATE_RUN); // runs every gate once and caches it
  runNx(workspace, ['run', 'noop:noop']); // caches the no-op
  const gatesOnly = ['run-many', '--projects=governance', `--targets=${gateIds.join(',')}`];
  const [noop, gateRun, restoreOnly] = interleavedMedians(workspace, [['run', 'noop:noop'], GATE_RUN, gatesOnly], RUNS);
  console.log(`gates: ${GATES} gates, each declaring its inputs; median of ${RUNS} runs`);
  printComparison({ baseline: 'nx run noop:noop (cached, baseline)', measured: `nx run governance:gate (${GATES} gates, cached)`, ratio: 'ratio gate / baseline' }, noop.ms, gateRun.ms);
  console.log('where the time goes:');
  console.log(row(`  nx run-many of the ${GATES} gates alone (cached)`, ms(restoreOnly.ms)));
  console.log(`nothing edited: ${gatesExecuted(gateRun.last)} of ${GATES} gates re-ran`);

  writeGates(workspace, gates.map((g, i) => (i === 0 ? { ...g, steps: [{ argv: ['node', '-e', "console.log('1 passed, 0 failed') // edited"] }] } : g)));
  console.log(`edited 1 gate in gates.json: ${gatesExecuted(runNx(workspace, GATE_RUN).result)} of ${GATES} gates re-ran`);

  // The same gates one per file (governance/gates/<id>.json): each file is its gate's own input.
  workspace.delete('governance/gates.json');
  gates.forEach((g) => workspace.write(`governance/gates/${g.id}.json`, JSON.stringify(g, null, 2)));
  runNx(workspace, GATE_RUN); // the project configuration changed: every gate runs once
  const edited = { ...gates[0], steps: [{ argv: ['node', '-e', "console.log('1 passed, 0 failed') // edited again"] }] };
  workspace.write(`governance/gates/${edited.id}.json`, JSON.stringify(edited, null, 2));
  console.log(`edited 1 gate in its own file: ${gatesExecuted(runNx(workspace, GATE_RUN).result)} of ${GATES} gates re-ran`);
});

// At the size of a large monorepo: a cached gate run over BENCH_LARGE_GATES gates (default 1,000)
// against `nx run-many` of the same cached gate tasks: what the aggregate adds (reading and checking
// every gate's record, signatures included) over Nx restoring the tasks.
const LARGE_GATES = sizeFromEnv('BENCH_LARGE_GATES', 1000, 2);

function largeCachedGateRun(): void {
  inWorkspace({ bundled: false }, (workspace) => {
    const ids = Array.from({ length: LARGE_GATES }, (_, i) => `VG-LARGE-${String(i + 1).padStart(4, '0')}`);
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('bench/README.md', 'What the benchmark gates read.\n');
    writeGates(workspace, ids.map((id, i) => gate(id, i + 1)));
    workspace.commit('large bench gates');
    runNx(workspace, GATE_RUN); // runs every gate once and caches it
    const gatesOnly = ['run-many', '--projects=governance', `--targets=${ids.join(',')}`];
    runNx(workspace, gatesOnly);
    const [restoreOnly, gateRun] = interleavedMedians(workspace, [gatesOnly, GATE_RUN], RUNS);
    console.log(`\nlarge: ${LARGE_GATES} gates, all cached; median of ${RUNS} runs`);
    printComparison({ baseline: `nx run-many of the ${LARGE_GATES} gate tasks (cached)`, measured: `nx run governance:gate (${LARGE_GATES} gates, cached)`, ratio: 'ratio gate / run-many' }, restoreOnly.ms, gateRun.ms);
  });
}

largeCachedGateRun();
