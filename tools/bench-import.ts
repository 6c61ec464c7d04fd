// How the prose import grows with the size of a validation table (issue 22:
// 20,000 rows in under 10 s), and how much of each fixture repository's prose
// it imports (issue 19: per kind, imported / present, against expected.json).
// Prints numbers, asserts none. Run: node -r @swc-node/register tools/bench-import.ts
// (BENCH_SIZE=smoke: 1,000 rows).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import importGenerator from '../packages/nx-governance/src/generators/import/generator';
import { copyIntoTree } from '../packages/nx-governance/src/test-helpers/tree';
import { row, sized } from './bench-utils';

const ROOT = join(__dirname, '..');
const SIZES = sized([1_000, 5_000, 20_000], [1_000]);

function validationTable(rows: number): string {
  const lines = ['# Validation matrix', '', '| Gate | Scope | Command | Pass criteria | Owner | Enforcement |', '|---|---|---|---|---|---|'];
  for (let i = 1; i <= rows; i++) {
    const id = `VG-BENCH-${String(i).padStart(5, '0')}`;
    lines.push(`| ${id} | scope ${i} | \`node -e ${i % 7}\` | at least ${1 + (i % 5)} tests | QA Lead | ${i % 3 ? 'blocking' : 'advisory'} |`);
  }
  lines.push('', '## Release classes', '', '| Class | Gates |', '|---|---|', '| R1 | `VG-BENCH-*` |', '');
  return `${lines.join('\n')}\n`;
}

/** Wall time and this process's CPU time (on a shared machine the CPU time says more about the import itself). */
async function timeImport(rows: number): Promise<{ ms: number; cpuMs: number }> {
  const tree = createTreeWithEmptyWorkspace();
  tree.write('governance/governance.json', '{ "core": { "project": "core" } }\n');
  tree.write('docs/plan/VALIDATION.md', validationTable(rows));
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await quietly(() => importGenerator(tree, { source: 'docs/plan', skipFormat: true }));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  const written = JSON.parse(tree.read('governance/gates.json', 'utf8') ?? '{"gates":[]}').gates.length;
  if (written !== rows) throw new Error(`imported ${written} of ${rows} gates`);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The generator's summary lines are the import's output, not the benchmark's. */
async function quietly<T>(run: () => Promise<T>): Promise<T> {
  const saved = { info: console.info, warn: console.warn, log: console.log };
  Object.assign(console, { info: () => undefined, warn: () => undefined, log: () => undefined });
  try {
    return await run();
  } finally {
    Object.assign(console, saved);
  }
}

type Expected = Record<string, unknown>;
const KINDS: Array<{ kind: string; present: (e: Expected) => string[]; imported: (tree: Tree) => string[] }> = [
  { kind: 'gates', present: (e) => ids(e.gates), imported: (t) => ids(json(t, 'gates.json')?.gates) },
  { kind: 'consumers', present: (e) => names(e.consumers), imported: (t) => names(json(t, 'compatibility.json')?.consumers) },
  { kind: 'tuples', present: (e) => list(e.tuples).map((x) => String((x as { core?: string }).core)), imported: (t) => list(json(t, 'compatibility.json')?.tuples).map((x) => String((x as { core?: string }).core)) },
  { kind: 'triggers', present: (e) => list(e.triggers ?? e.rollbackTriggers).map((x) => String((x as { kind?: string }).kind)), imported: (t) => list(json(t, 'playbook.json')?.rollbackTriggers).map((x) => String((x as { kind?: string }).kind)) },
  { kind: 'activities', present: (e) => list(e.activities).map(String), imported: (t) => list(json(t, 'cadence.json')?.activities).map(String) },
  { kind: 'cards', present: (e) => ids(e.cards), imported: (t) => milestoneCards(t) },
];
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ids = (value: unknown) => list(value).map((x) => String((x as { id?: string }).id ?? x));
const names = (value: unknown) => list(value).map((x) => String((x as { name?: string }).name ?? x));
const json = (tree: Tree, file: string) => JSON.parse(tree.read(`governance/${file}`, 'utf8') ?? 'null') as Record<string, unknown> | null;
function milestoneCards(tree: Tree): string[] {
  if (!tree.exists('governance/milestones')) return [];
  return tree.children('governance/milestones').flatMap((f) => [...(tree.read(`governance/milestones/${f}`, 'utf8') ?? '').matchAll(/^###\s+`?([A-Za-z0-9][\w.-]*)/gm)].map((m) => m[1]));
}

async function fixtureCoverage(): Promise<void> {
  const corpus = join(ROOT, 'e2e', 'fixtures', 'prose-corpus');
  if (!existsSync(corpus)) return;
  for (const name of readdirSync(corpus).filter((n) => existsSync(join(corpus, n, 'expected.json'))).sort()) {
    const folder = join(corpus, name);
    const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Expected;
    const tree = createTreeWithEmptyWorkspace();
    copyIntoTree(tree, '.', folder);
    const source = typeof expected.source === 'string' ? expected.source : 'docs';
    const core = (expected.core as { name?: string } | undefined)?.name;
    if (!tree.exists('governance/governance.json')) tree.write('governance/governance.json', `${JSON.stringify({ ...(core ? { core: { project: core } } : {}), ...(expected.ids ? { ids: expected.ids } : {}) })}\n`);
    const outcome = await quietly(() => importGenerator(tree, { source, skipFormat: true }).then(() => 'imported', (e: Error) => `failed: ${e.message.split('\n').slice(0, process.env.BENCH_ERRORS ? undefined : 1).join('\n')}`));
    const cells = KINDS.map(({ kind, present, imported }) => `${kind} ${imported(tree).length}/${present(expected).length}`);
    console.log(row(`${name}`, `${outcome}; ${cells.join(', ')}`));
  }
}

async function main(): Promise<void> {
  console.log('Import of an N-row validation table (parse, import, validate before writing), in-process:');
  // Loading the plugin, Nx and the parser is paid once per process, not per row.
  await timeImport(10);
  const times: Array<[number, number]> = [];
  for (const rows of SIZES) {
    const { ms, cpuMs } = await timeImport(rows);
    times.push([rows, ms]);
    console.log(row(`${rows} rows`, `${(ms / 1000).toFixed(2)} s wall, ${(cpuMs / 1000).toFixed(2)} s CPU (${((ms / rows) * 1000).toFixed(0)} µs per row)`));
  }
  if (times.length > 1) {
    const [[r0, t0], [r1, t1]] = [times[0], times[times.length - 1]];
    console.log(row('growth', `${(t1 / t0).toFixed(1)}x the time for ${(r1 / r0).toFixed(0)}x the rows (linear is ${(r1 / r0).toFixed(0)}x)`));
  }
  console.log('\nPer fixture repository (e2e/fixtures/prose-corpus), imported / present in expected.json:');
  await fixtureCoverage();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
