import * as semver from 'semver';
import type { CompatibilityFile } from '../schemas/compatibility';

/** A release line in the shape endoflife.date uses. */
export interface ReleaseCycle {
  cycle: string;
  /** Absent when no release of the line states a date. */
  releaseDate?: string;
  /** The day support ends, false while it has not been decided (the newest lines), or 'unknown' when it hangs on a date the data does not state. */
  eol: string | false | 'unknown';
  latest: string;
  latestReleaseDate?: string;
  inWindow: boolean;
}

function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), Math.min(day, lastDay))).toISOString().slice(0, 10);
}

function cycleOf(release: CompatibilityFile['releases'][number]): string {
  if (release.version) return `${semver.major(release.version)}.${semver.minor(release.version)}`;
  return release.commit!.slice(0, 7);
}

/**
 * Release lines with their support dates. A line leaves the window once
 * `latestMinors` newer lines exist, and `months` after the line that replaced
 * it was released; with both, support lasts until the later of the two.
 * Lines are ordered by date, and by version where a line states no date; an
 * end that hangs on a date nobody stated is 'unknown', and outside the window:
 * no date is no promise of support.
 */
export function releaseCycles(compat: CompatibilityFile, asOf: string): ReleaseCycle[] {
  const groups = new Map<string, CompatibilityFile['releases']>();
  for (const release of compat.releases) groups.set(cycleOf(release), [...(groups.get(cycleOf(release)) ?? []), release]);
  const ordered = [...groups.entries()]
    .map(([cycle, releases]) => {
      const sorted = [...releases].sort((a, b) => byDateThenVersion(a, b));
      const latest = sorted[sorted.length - 1];
      const releaseDate = sorted.find((r) => r.date)?.date;
      return { cycle, ...(releaseDate ? { releaseDate } : {}), latest: latest.version ?? latest.commit!.slice(0, 7), ...(latest.date ? { latestReleaseDate: latest.date } : {}), newest: latest };
    })
    .sort((a, b) => (a.releaseDate && b.releaseDate ? b.releaseDate.localeCompare(a.releaseDate) : byDateThenVersion(b.newest, a.newest)) || b.cycle.localeCompare(a.cycle, undefined, { numeric: true }));
  const { latestMinors, months } = compat.policy.supportWindow;
  return ordered.map(({ newest: _newest, ...cycle }, index) => {
    const ends: Array<string | undefined> = [];
    if (latestMinors !== undefined && index >= latestMinors) ends.push(ordered[index - latestMinors].releaseDate);
    if (months !== undefined && index >= 1) {
      const replacedOn = ordered[index - 1].releaseDate;
      ends.push(replacedOn && addMonths(replacedOn, months));
    }
    const decided = latestMinors !== undefined && months !== undefined ? ends.length === 2 : ends.length === 1;
    if (decided && ends.some((end) => end === undefined)) return { ...cycle, eol: 'unknown' as const, inWindow: false };
    const eol = decided ? (ends as string[]).sort()[ends.length - 1] : false;
    return { ...cycle, eol, inWindow: eol === false || eol > asOf };
  });
}

/** How the matrix and the page write an end of support that hangs on a date the data does not state. */
export const UNSTATED_END = 'unknown (a date is not stated)';

/** Older first: by date where both state one, else by version; an undated commit has nothing to order it by. */
export function byDateThenVersion(a: CompatibilityFile['releases'][number], b: CompatibilityFile['releases'][number]): number {
  if (a.date && b.date && a.date !== b.date) return a.date.localeCompare(b.date);
  if (a.version && b.version) return semver.compare(a.version, b.version);
  return (a.date ?? '').localeCompare(b.date ?? '');
}
