// Benchmark of the governance page. Run: npm run bench:page
//
// In a workspace of 50 consumers by 30 core releases (BENCH_SIZE=smoke: 5 by 5),
// each pair with a sealed compatibility result (some untested), it times:
// 1. the page: the model from the data and evidence (what --json writes) and its HTML;
// 2. the matrix alone, as compat-query and nx sync compute it (the baseline);
// and prints the page's size. Nx's task hashes of the gates are not part of it
// (the executor asks Nx for them once). Budget: under 1 s and under 1 MB.
import { Buffer } from 'node:buffer';
import { resolveConsumers } from '../packages/nx-governance/src/lib/consumers/resolve-consumers';
import { computeMatrix } from '../packages/nx-governance/src/lib/matrix/compute-matrix';
import { readCompatResults } from '../packages/nx-governance/src/lib/matrix/read-compat-results';
import { buildPageModel } from '../packages/nx-governance/src/lib/page/page-model';
import { renderPage } from '../packages/nx-governance/src/lib/page/render-page';
import { diskFileReader } from '../packages/nx-governance/src/lib/workspace/file-reader';
import { loadGovernance } from '../packages/nx-governance/src/lib/workspace/load-governance';
import { copyBundledGovernance, makeTempWorkspace } from '../packages/nx-governance/src/test-helpers/temp-workspace';
import { writeLargeGovernance } from '../e2e/helpers/large-governance';
import { median, medianInProcess, printComparison, row, RUNS, sized } from './bench-utils';

const size = sized({ consumers: 50, releases: 30 }, { consumers: 5, releases: 5 });
const { root, cleanup } = makeTempWorkspace();
try {
  copyBundledGovernance(root);
  writeLargeGovernance(root, size);
  const reader = () => diskFileReader(root);
  const load = () => loadGovernance(reader(), 'governance/governance.json').data;
  let html = '';
  // On two cores shared by many, wall time includes waiting for a core: the CPU time of the same runs says what the page costs.
  const cpu: number[] = [];
  const page = medianInProcess(() => {
    const before = process.cpuUsage();
    const data = load();
    const files = reader();
    html = renderPage(buildPageModel({ root, reader: files, data, consumers: resolveConsumers(files, data), asOf: '2026-12-01', currentHashes: {} }));
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  });
  const matrix = medianInProcess(() => {
    const data = load();
    const files = reader();
    const consumers = resolveConsumers(files, data);
    computeMatrix(data.compatibility!.data, readCompatResults(files, data.settings, consumers.map((c) => c.name)), consumers);
  });
  const cells = (html.match(/<td class="cell"/g) ?? []).length;
  console.log(`Governance page, ${size.consumers} consumers by ${size.releases} core releases (${cells} grid cells), median of ${RUNS}`);
  printComparison({ baseline: 'matrix alone (compat-query, nx sync)', measured: 'page: model and HTML', ratio: 'ratio page / matrix alone' }, matrix, page);
  const bytes = Buffer.byteLength(html);
  console.log(row('page size', `${(bytes / 1024).toFixed(0)} KiB`));
  console.log(row('page size / 1 MB budget', (bytes / 1_000_000).toFixed(2)));
  console.log(row('page CPU time (median)', `${median(cpu).toFixed(0)} ms`));
  console.log(row('page time / 1 s budget', (page / 1000).toFixed(2)));
  if (cells !== size.consumers * size.releases) throw new Error(`found ${cells} grid cells, expected ${size.consumers * size.releases}: the benchmark did not build the workspace it meant to`);
} finally {
  cleanup();
}
