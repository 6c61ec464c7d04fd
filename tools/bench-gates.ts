// Benchmark: a fully cached `nx run governance:gate` over 30 gates against a
// bare `nx run` of a cached no-op target, in the same workspace and run.
// Run: npm run bench:gates
import { TestWorkspace } from '../e2e/helpers/workspace';
import { medianNx, row, RUNS, timeNx } from './bench-utils';

const GATES = 30;

const workspace = TestWorkspace.create({ bundled: false });
try {
  const gates = Array.from({ length: GATES }, (_, i) => ({
    id: `VG-BENCH-${String(i + 1).padStart(3, '0')}`,
    title: `Gate ${i + 1}`,
    scope: 'bench',
    owner: 'qa',
    kind: 'command',
    steps: [{ argv: ['node', '-e', "console.log('1 passed, 0 failed')"] }],
    passCriteria: { minTests: { count: 1 } },
  }));
  workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
  workspace.write('governance/gates.json', JSON.stringify({ gates }, null, 2));
  workspace.write('noop/project.json', JSON.stringify({ name: 'noop', targets: { noop: { executor: 'nx:noop', cache: true } } }, null, 2));
  workspace.commit('bench gates');
  timeNx(workspace, ['run', 'governance:gate']);
  timeNx(workspace, ['run', 'noop:noop']);
  const gate = medianNx(workspace, ['run', 'governance:gate'], RUNS);
  const noop = medianNx(workspace, ['run', 'noop:noop'], RUNS);
  console.log(`${GATES} gates, all cached; median of ${RUNS} runs`);
  console.log(row('nx run noop:noop (cached, baseline)', `${noop.toFixed(0)} ms`));
  console.log(row(`nx run governance:gate (${GATES} gates, cached)`, `${gate.toFixed(0)} ms`));
  console.log(row('ratio gate / baseline', (gate / noop).toFixed(2)));
} finally {
  workspace.remove();
}
