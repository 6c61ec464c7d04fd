// Benchmark: `nx run governance:validate` on a large governance folder (200
// milestones of 20 task cards, 1,000 gates; BENCH_MILESTONES, BENCH_CARDS and
// BENCH_GATES set other sizes) against a bare `nx show projects` in
// the same workspace and the same run: validate as a developer meets it when
// nothing it reads changed (restored from Nx's cache), and as it runs after an
// edit (--skip-nx-cache). Prints medians and their ratios, and where the time
// goes: the same validate target on an empty governance folder (what Nx spends
// running one validate task at all) and validate's own work on the large
// folder, timed in this process.
// Run: npm run bench:validate
//
// The bundled governance data stays and the generated gates are added to it, so
// whatever the playbook, the cadence or the attestations name keeps existing as
// the bundled data changes.
import type { TestWorkspace } from '../e2e/helpers/workspace';
import { validateGovernance } from '../packages/nx-governance/src/lib/validation';
import { diskFileReader } from '../packages/nx-governance/src/lib/workspace/file-reader';
import { inWorkspace, interleavedMedians, medianInProcess, ms, printComparison, row, RUNS, runNx, sizeFromEnv } from './bench-utils';

const MILESTONES = sizeFromEnv('BENCH_MILESTONES', 200, 5);
const CARDS = sizeFromEnv('BENCH_CARDS', 20, 4);
const GATES = sizeFromEnv('BENCH_GATES', 1000, 20);

const benchGateId = (n: number) => `VG-BENCH-${String(n).padStart(4, '0')}`;

function benchGate(n: number): object {
  const common = { id: benchGateId(n), title: `Gate ${n}`, scope: 'bench', owner: 'release-manager' };
  return n % 2 === 0
    ? { ...common, kind: 'manual', checklist: ['Reviewed.', 'Signed off.'] }
    : { ...common, kind: 'command', steps: [{ argv: ['node', '--version'] }] };
}

function milestone(m: number, gateIds: string[]): string {
  const cards = Array.from({ length: CARDS }, (_, c) => {
    const id = `M${m}-T${String(c + 1).padStart(2, '0')}`;
    const gates = [gateIds[(m * CARDS + c) % gateIds.length], gateIds[(m * 7 + c * 3) % gateIds.length]];
    return `### ${id} Card ${c + 1}\n\n- Goal: benchmark card.\n- Status: done (2026-02-19)\n- Work items:\n- Do the thing: \`docs/x.md\`.\n- Acceptance criteria:\n- It is done.\n- Required gates: ${[...new Set(gates)].join(', ')}\n`;
  });
  return `# M${m} - Benchmark milestone ${m}\n\n## Objective\n\nMeasure.\n\n## Entry Criteria\n\n- M${m - 1} complete.\n\n## Exit Criteria\n\n- Measured.\n\n## Task Cards\n\n${cards.join('\n')}`;
}

/** The bundled gates plus generated ones up to GATES; the bundled milestones replaced by generated ones. */
function writeLargeGovernance(workspace: TestWorkspace): void {
  const gatesFile = JSON.parse(workspace.read('governance/gates.json')) as { gates: Array<{ id: string }> };
  const added = GATES - gatesFile.gates.length;
  if (added < 0) throw new Error(`governance/gates.json: found ${gatesFile.gates.length} bundled gates, expected at most ${GATES}`);
  const benchGates = Array.from({ length: added }, (_, i) => benchGate(i + 1));
  workspace.write('governance/gates.json', JSON.stringify({ ...gatesFile, gates: [...gatesFile.gates, ...benchGates] }, null, 2));
  const benchGateIds = benchGates.map((_, i) => benchGateId(i + 1));
  workspace.delete('governance/milestones');
  for (let m = 1; m <= MILESTONES; m++) workspace.write(`governance/milestones/M${m}.md`, milestone(m, benchGateIds));
}

/** A second governance project with nothing in it: its validate target costs what Nx spends on any validate task. */
function writeEmptyGovernance(workspace: TestWorkspace): void {
  const settings = { projectName: 'empty-governance', core: { project: 'governance' }, paths: { milestones: 'empty/milestones', evidence: 'evidence', docs: 'docs/execution-plan' } };
  workspace.write('empty/governance.json', JSON.stringify({ $schema: '../node_modules/nx-governance/schemas/governance.schema.json', ...settings }, null, 2));
}

/** Project names with their targets, as the validate executor passes them to the rules, from `nx graph`. */
function projectTargets(workspace: TestWorkspace): Map<string, string[]> {
  runNx(workspace, ['graph', '--file=.nx/graph.json']);
  const nodes = (JSON.parse(workspace.read('.nx/graph.json')) as { graph?: { nodes?: Record<string, { data: { targets?: object } }> } }).graph?.nodes;
  if (!nodes) throw new Error('.nx/graph.json: graph.nodes: found nothing, expected the projects that nx graph --file writes');
  return new Map(Object.entries(nodes).map(([name, node]) => [name, Object.keys(node.data.targets ?? {}).sort()]));
}

/** validate's own work in this process: read, parse and check every file, as the executor does. */
function validateInProcess(workspace: TestWorkspace): number {
  const projects = projectTargets(workspace);
  const validate = () => validateGovernance(diskFileReader(workspace.root), 'governance/governance.json', { projects });
  const { errors } = validate();
  if (errors.length) throw new Error(`validate in process: found ${errors.length} error(s), expected none, as nx run governance:validate found`);
  return medianInProcess(validate, RUNS);
}

inWorkspace({}, (workspace) => {
  writeLargeGovernance(workspace);
  writeEmptyGovernance(workspace);
  const validate = ['run', 'governance:validate'];
  const uncached = [...validate, '--skip-nx-cache'];
  runNx(workspace, validate); // builds the project graph cache, fills Nx's cache, and stops here if the data is invalid
  const [bare, cached, emptyValidate, largeValidate] = interleavedMedians(
    workspace,
    [['show', 'projects'], validate, ['run', 'empty-governance:validate', '--skip-nx-cache'], uncached],
    RUNS,
  );
  const inProcess = validateInProcess(workspace);
  console.log(`validate: ${MILESTONES} milestones x ${CARDS} cards, ${GATES} gates; median of ${RUNS} runs`);
  printComparison({ baseline: 'nx show projects (baseline)', measured: 'nx run governance:validate (nothing changed: cached)', ratio: 'ratio validate / baseline' }, bare.ms, cached.ms);
  console.log(row('nx run governance:validate (after an edit: runs)', ms(largeValidate.ms)));
  console.log(row('ratio validate after an edit / baseline', (largeValidate.ms / bare.ms).toFixed(2)));
  console.log('where the time goes:');
  console.log(row('  nx run empty-governance:validate (one task, no data)', ms(emptyValidate.ms)));
  console.log(row('  validate of the large data, in process', ms(inProcess)));
});
