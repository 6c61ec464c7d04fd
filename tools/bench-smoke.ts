// Runs every benchmark under tools/ at its smoke size (BENCH_SIZE=smoke), one
// after the other, printing their numbers, so that a benchmark that no longer
// runs fails CI instead of being found broken the next time someone measures.
// It fails only when a benchmark cannot run (its exit code, a timeout), never
// on a number. Run: npm run bench:smoke (the plugin must be built).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../packages/nx-governance/src/lib/process/run-process';

/**
 * The benchmarks, in the order they run, each with what makes it small (most
 * read BENCH_SIZE=smoke). A new tools/bench-*.ts belongs here, or this run fails.
 */
const BENCHMARKS: Array<{ file: string; env?: NodeJS.ProcessEnv }> = [
  { file: 'bench-validate.ts' },
  { file: 'bench-gates.ts' },
  { file: 'bench-consumers.ts' },
  { file: 'bench-output-memory.ts', env: { BENCH_OUTPUT_MIB: '16' } },
  { file: 'bench-page.ts' },
  { file: 'bench-import.ts' },
];
/** Files named like a benchmark that are not one. */
const NOT_BENCHMARKS = ['bench-utils.ts', 'bench-smoke.ts'];
const TIMEOUT_MS = 5 * 60_000;

function unlisted(): string[] {
  const listed = new Set([...BENCHMARKS.map((b) => b.file), ...NOT_BENCHMARKS]);
  return readdirSync(__dirname).filter((file) => /^bench-.*\.ts$/.test(file) && !listed.has(file));
}

async function main(): Promise<boolean> {
  const missing = unlisted();
  if (missing.length) {
    console.error(`tools/bench-smoke.ts: found benchmark(s) ${missing.join(', ')} not in BENCHMARKS, expected every tools/bench-*.ts listed so that CI runs it`);
    return false;
  }
  // A benchmark runs in its own process group, out of reach of the terminal's Ctrl-C: pass it on.
  const interrupt = new AbortController();
  process.once('SIGINT', () => interrupt.abort());
  const failed: string[] = [];
  const started = Date.now();
  for (const { file, env } of BENCHMARKS) {
    console.log(`\n== ${file} (smoke size)`);
    const result = await runProcess({
      argv: [process.execPath, '-r', '@swc-node/register', join(__dirname, file)],
      cwd: join(__dirname, '..'),
      env: { ...process.env, BENCH_SIZE: 'smoke', ...env },
      timeoutMs: TIMEOUT_MS,
      onLine: (line) => console.log(line),
      signal: interrupt.signal,
    });
    const seconds = (result.durationMs / 1000).toFixed(1);
    if (result.exitCode === 0) {
      console.log(`== ${file}: ran in ${seconds} s`);
      continue;
    }
    const why = result.spawnError ?? (result.timedOut ? `timed out after ${TIMEOUT_MS / 1000} s` : result.aborted ? 'interrupted' : `exit code ${result.exitCode}, signal ${result.signal}`);
    console.error(`== ${file}: could not run: ${why}`);
    failed.push(file);
    if (result.aborted) break;
  }
  console.log(`\nbench:smoke: ${BENCHMARKS.length - failed.length} of ${BENCHMARKS.length} benchmark(s) ran in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed.length) console.error(`bench:smoke: failed: ${failed.join(', ')}`);
  return failed.length === 0;
}

main().then(
  (ok) => {
    process.exitCode = ok ? 0 : 1;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
