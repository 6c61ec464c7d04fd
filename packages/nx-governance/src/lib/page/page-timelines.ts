import type { CompatClassification } from '../compat/compat-result';
import type { StoredCompatResult } from '../matrix/compute-matrix';

export interface PageRun {
  finishedAt: string;
  result: CompatClassification;
  /** The core the run was against: its version, else its short commit. */
  core: string;
  reason: string;
  evidence: string;
}

export interface PageTimeline {
  consumer: string;
  /** Oldest first, the newest `RECENT_RUNS` only. */
  runs: PageRun[];
  /** How many runs the local history holds in all. */
  total: number;
}

export const RECENT_RUNS = 12;

/** Each consumer's recent compatibility runs from the local history (the results that verify, as the matrix reads them). */
export function compatTimelines(consumers: readonly string[], results: readonly StoredCompatResult[]): PageTimeline[] {
  return consumers.map((consumer) => {
    const runs = results
      .filter(({ record }) => record.consumer === consumer)
      .sort((a, b) => a.record.finishedAt.localeCompare(b.record.finishedAt))
      .map(({ file, record }) => ({
        finishedAt: record.finishedAt,
        result: record.result,
        core: record.tuple.core.version ?? record.tuple.core.commit?.slice(0, 7) ?? 'unknown',
        reason: record.reason,
        evidence: file.replace(/\.json$/, '.md'),
      }));
    return { consumer, runs: runs.slice(-RECENT_RUNS), total: runs.length };
  });
}
