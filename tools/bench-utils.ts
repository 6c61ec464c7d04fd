// What every benchmark under tools/ shares: its size (full, or the smoke size CI
// runs), a throwaway workspace with its own Nx cache and workspace data, timing
// nx, medians and printing. Benchmarks print numbers and never judge them: the
// only failure is a benchmark that cannot run.
import { performance } from 'node:perf_hooks';
import { TestWorkspace, type RunResult } from '../e2e/helpers/workspace';

/** `BENCH_SIZE=smoke` runs each benchmark small and once: it proves the benchmark still runs; its numbers mean little. */
export const SMOKE = smokeFromEnv(process.env.BENCH_SIZE);

function smokeFromEnv(value: string | undefined): boolean {
  if (value === undefined || value === 'full') return false;
  if (value === 'smoke') return true;
  throw new Error(`BENCH_SIZE: found ${JSON.stringify(value)}, expected "smoke" or "full"`);
}

/** The full-size value, or the smoke-size one. */
export function sized<T>(full: T, smoke: T): T {
  return SMOKE ? smoke : full;
}

/** A size a person may set by hand (`BENCH_PROJECTS=5000`), else the full-size value, or the smoke-size one. */
export function sizeFromEnv(name: string, full: number, smoke: number): number {
  const value = process.env[name];
  if (value === undefined || SMOKE) return sized(full, smoke);
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) throw new Error(`${name}: found ${JSON.stringify(value)}, expected a whole number, 1 or more`);
  return size;
}

export const RUNS = runsFromEnv(process.env.BENCH_RUNS);

function runsFromEnv(value: string | undefined): number {
  if (value === undefined) return sized(5, 1);
  const runs = Number(value);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`BENCH_RUNS: found ${JSON.stringify(value)}, expected a whole number of runs, 1 or more`);
  return runs;
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values: the benchmark measured nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs nx in the workspace (daemon off, the workspace's own cache); a failing command stops the benchmark. */
export function runNx(workspace: TestWorkspace, args: string[]): { result: RunResult; ms: number } {
  const start = performance.now();
  const result = workspace.nx(...args);
  const ms = performance.now() - start;
  if (result.code !== 0) throw new Error(`nx ${args.join(' ')} exited with ${result.code}:\n${result.output}`);
  return { result, ms };
}

/** Wall time of one nx command, in milliseconds. */
export function timeNx(workspace: TestWorkspace, args: string[]): number {
  return runNx(workspace, args).ms;
}

/** Median of `runs` timings of the same command. */
export function medianNx(workspace: TestWorkspace, args: string[], runs = RUNS): number {
  return median(Array.from({ length: runs }, () => timeNx(workspace, args)));
}

/**
 * The median time of each command, their runs interleaved so that a change in
 * the machine's load (two cores shared by many) hits them all alike; with each
 * command's last result, for what Nx printed.
 */
export function interleavedMedians(workspace: TestWorkspace, commands: string[][], runs = RUNS): Array<{ ms: number; last: RunResult }> {
  const rounds = Array.from({ length: runs }, () => commands.map((args) => runNx(workspace, args)));
  return commands.map((_, i) => ({ ms: median(rounds.map((round) => round[i].ms)), last: rounds[runs - 1][i].result }));
}

/** Median of `runs` timings of a function run in this process. */
export function medianInProcess(measure: () => void, runs = RUNS): number {
  return median(
    Array.from({ length: runs }, () => {
      const start = performance.now();
      measure();
      return performance.now() - start;
    }),
  );
}

/** Runs `measure` in a fresh workspace (see TestWorkspace.create) and removes it afterwards, whatever happens. */
export function inWorkspace<T>(options: { bundled?: boolean }, measure: (workspace: TestWorkspace) => T): T {
  const workspace = TestWorkspace.create(options);
  try {
    return measure(workspace);
  } finally {
    workspace.remove();
  }
}

export function row(label: string, value: string): string {
  return `${label.padEnd(52)} ${value.padStart(10)}`;
}

export function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

/** Prints a measurement, its baseline and their ratio, one row each. */
export function printComparison(labels: { baseline: string; measured: string; ratio: string }, baseline: number, measured: number): void {
  console.log(row(labels.baseline, ms(baseline)));
  console.log(row(labels.measured, ms(measured)));
  console.log(row(labels.ratio, (measured / baseline).toFixed(2)));
}
