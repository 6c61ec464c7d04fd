// Benchmarks for inferred consumers. Run: npm run bench:consumers
//
// 1. Project-graph cost: `nx show projects` in a workspace with 0, 100 and 500
//    synthetic consumers inferred from governance.consumer.json, against the
//    same workspace with the consumers as hand-written project.json files.
// 2. At the size of a large monorepo: BENCH_PROJECTS projects (default 2,000)
//    of which BENCH_CONSUMERS (default 200) are consumers, inferred against
//    hand-written project.json files, cold and warm.
// 3. Affected cost: with BENCH_CONSUMERS consumers and one changed, `nx affected
//    -t compat` against a run of the one consumer alone (and of all of them,
//    up to 20).
// Every number is a median of BENCH_RUNS runs (default 5) measured in this run.
import type { TestWorkspace } from '../e2e/helpers/workspace';
import { inWorkspace, median, medianNx, ms, row, RUNS, sized, sizeFromEnv, timeNx } from './bench-utils';

// At the smoke size the monorepo section below proves the same code runs: this one is left out, so CI stays fast.
const GRAPH_SIZES = sized([0, 100, 500], []);
const LARGE_PROJECTS = sizeFromEnv('BENCH_PROJECTS', 2000, 20);
const LARGE_CONSUMERS = sizeFromEnv('BENCH_CONSUMERS', 200, 3);
const AFFECTED_CONSUMERS = LARGE_CONSUMERS;
const CHANGED = `c-${AFFECTED_CONSUMERS}`;
/** Past this many consumers, running them all is left out: it says nothing the other ratios do not. */
const ALL_CONSUMERS_UP_TO = 20;

const TEST_ARGV = ['python3', '-c', "import os, sys; sys.exit(0 if os.path.exists(os.environ['LOOP_CLI']) else 1)"];

function declaration(n: number) {
  return { name: `c-${n}`, project: `c-${n}`, language: 'python', test: { argv: TEST_ARGV } };
}

/** What the plugin would infer, written by hand: the baseline. */
function handWrittenProject(n: number) {
  return {
    name: `c-${n}`,
    implicitDependencies: ['loop'],
    targets: {
      compat: {
        executor: 'nx-governance:compat',
        cache: true,
        dependsOn: [{ projects: ['loop'], target: 'build' }],
        inputs: ['{projectRoot}/**/*', { dependentTasksOutputFiles: '**/*', transitive: false }],
        outputs: [`{workspaceRoot}/evidence/compat/c-${n}/latest.json`, `{workspaceRoot}/evidence/compat/c-${n}/latest.md`],
        options: { consumer: `c-${n}` },
      },
    },
  };
}

function addConsumers(workspace: TestWorkspace, count: number, style: 'inferred' | 'project.json'): void {
  for (let n = 1; n <= count; n++) {
    const dir = `synthetic/c-${n}`;
    workspace.write(`${dir}/pyproject.toml`, `[project]\nname = "c-${n}"\nversion = "1.0.${n}"\n`);
    workspace.write(`${dir}/tests/test_c.py`, 'import unittest\n');
    if (style === 'inferred') workspace.write(`${dir}/governance.consumer.json`, JSON.stringify(declaration(n), null, 2));
    else workspace.write(`${dir}/project.json`, JSON.stringify(handWrittenProject(n), null, 2));
  }
  workspace.commit(`${count} consumers (${style})`);
}

/** Projects that are no consumers, as a monorepo has most of: a project.json with one target each. */
function addPlainProjects(workspace: TestWorkspace, count: number): void {
  for (let n = 1; n <= count; n++) {
    workspace.write(`libs/p-${n}/project.json`, JSON.stringify({ name: `p-${n}`, targets: { lint: { executor: 'nx:noop', cache: true } } }, null, 2));
    workspace.write(`libs/p-${n}/src/index.ts`, `export const p${n} = ${n};\n`);
  }
}

type Cost = { warm: number; cold: number };

/** Warm: Nx and the plugin reuse what they cached. Cold: workspace data deleted first, so everything is inferred again. */
function graphCost(count: number, style: 'inferred' | 'project.json', otherProjects = 0): Cost {
  return inWorkspace({}, (workspace) => {
    addPlainProjects(workspace, otherProjects);
    addConsumers(workspace, count, style);
    timeNx(workspace, ['show', 'projects']);
    const warm = medianNx(workspace, ['show', 'projects'], RUNS);
    const cold = median(
      Array.from({ length: RUNS }, () => {
        workspace.delete('.nx/workspace-data');
        return timeNx(workspace, ['show', 'projects']);
      }),
    );
    return { warm, cold };
  });
}

function affectedCost(): { affected: number; one: number; all?: number } {
  return inWorkspace({}, (workspace) => {
    addConsumers(workspace, AFFECTED_CONSUMERS, 'inferred');
    timeNx(workspace, ['run-many', '-t', 'compat', '--projects=c-*']); // builds the core once
    const base = workspace.git('rev-parse', 'HEAD');
    workspace.write(`synthetic/${CHANGED}/tests/test_c.py`, 'import unittest  # changed\n');
    workspace.commit(`change ${CHANGED}`);
    const affected = medianNx(workspace, ['affected', '-t', 'compat', `--base=${base}`, '--head=HEAD', '--skip-nx-cache'], RUNS);
    const one = medianNx(workspace, ['run', `${CHANGED}:compat`, '--skip-nx-cache'], RUNS);
    if (AFFECTED_CONSUMERS > ALL_CONSUMERS_UP_TO) return { affected, one };
    const all = medianNx(workspace, ['run-many', '-t', 'compat', '--projects=c-*', '--skip-nx-cache'], RUNS);
    return { affected, one, all };
  });
}

console.log(`Project-graph cost (nx show projects, median of ${RUNS})`);
for (const count of GRAPH_SIZES) {
  const inferred = graphCost(count, 'inferred');
  const handWritten = graphCost(count, 'project.json');
  for (const kind of ['warm', 'cold'] as const) {
    console.log(row(`${count} consumers, ${kind}: inferred`, ms(inferred[kind])));
    console.log(row(`${count} consumers, ${kind}: hand-written project.json`, ms(handWritten[kind])));
    console.log(row(`${count} consumers, ${kind}: inferred / hand-written`, (inferred[kind] / handWritten[kind]).toFixed(2)));
  }
}
const plain = LARGE_PROJECTS - LARGE_CONSUMERS;
console.log(`\nAt monorepo size: ${LARGE_PROJECTS} projects, ${LARGE_CONSUMERS} of them consumers (nx show projects, median of ${RUNS})`);
const inferred = graphCost(LARGE_CONSUMERS, 'inferred', plain);
const handWritten = graphCost(LARGE_CONSUMERS, 'project.json', plain);
for (const kind of ['cold', 'warm'] as const) {
  console.log(row(`${kind}: consumers inferred`, ms(inferred[kind])));
  console.log(row(`${kind}: consumers hand-written project.json`, ms(handWritten[kind])));
  console.log(row(`${kind}: ratio inferred / hand-written`, (inferred[kind] / handWritten[kind]).toFixed(2)));
}

const { affected, one, all } = affectedCost();
console.log(`\nAffected cost (${AFFECTED_CONSUMERS} consumers, 1 changed, median of ${RUNS}, consumers' caches skipped)`);
console.log(row('nx affected -t compat', ms(affected)));
console.log(row(`nx run ${CHANGED}:compat (the one consumer)`, ms(one)));
console.log(row('ratio affected / one consumer', (affected / one).toFixed(2)));
if (all !== undefined) {
  console.log(row(`nx run-many -t compat (all ${AFFECTED_CONSUMERS})`, ms(all)));
  console.log(row(`ratio affected / all ${AFFECTED_CONSUMERS}`, (affected / all).toFixed(2)));
}
