import { performance } from 'node:perf_hooks';
import type { TestWorkspace } from '../e2e/helpers/workspace';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time of one nx command, in milliseconds; a failing command stops the benchmark. */
export function timeNx(workspace: TestWorkspace, args: string[], env: NodeJS.ProcessEnv = {}): number {
  const start = performance.now();
  const result = workspace.nxWithEnv(env, ...args);
  const elapsed = performance.now() - start;
  if (result.code !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${result.output}`);
  return elapsed;
}

/** Median of `runs` timings of the same command. */
export function medianNx(workspace: TestWorkspace, args: string[], runs: number, env: NodeJS.ProcessEnv = {}): number {
  return median(Array.from({ length: runs }, () => timeNx(workspace, args, env)));
}

export const RUNS = Number(process.env.BENCH_RUNS ?? 5);

export function row(label: string, value: string): string {
  return `${label.padEnd(52)} ${value.padStart(10)}`;
}
