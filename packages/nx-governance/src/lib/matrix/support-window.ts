import * as semver from 'semver';
import type { CompatibilityFile } from '../schemas/compatibility';

/** A release line in the shape endoflife.date uses. */
export interface ReleaseCycle {
  cycle: string;
  releaseDate: string;
  /** The day support ends, or false while it has not been decided (the newest lines). */
  eol: string | false;
  latest: string;
  latestReleaseDate: string;
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
 */
export function releaseCycles(compat: CompatibilityFile, asOf: string): ReleaseCycle[] {
  const groups = new Map<string, CompatibilityFile['releases']>();
  for (const release of compat.releases) groups.set(cycleOf(release), [...(groups.get(cycleOf(release)) ?? []), release]);
  const ordered = [...groups.entries()]
    .map(([cycle, releases]) => {
      const sorted = [...releases].sort((a, b) => a.date.localeCompare(b.date) || (a.version && b.version ? semver.compare(a.version, b.version) : 0));
      const latest = sorted[sorted.length - 1];
      return { cycle, releaseDate: sorted[0].date, latest: latest.version ?? latest.commit!.slice(0, 7), latestReleaseDate: latest.date };
    })
    .sort((a, b) => b.releaseDate.localeCompare(a.releaseDate) || b.cycle.localeCompare(a.cycle, undefined, { numeric: true }));
  const { latestMinors, months } = compat.policy.supportWindow;
  return ordered.map((cycle, index) => {
    const ends: string[] = [];
    if (latestMinors !== undefined && index >= latestMinors) ends.push(ordered[index - latestMinors].releaseDate);
    if (months !== undefined && index >= 1) ends.push(addMonths(ordered[index - 1].releaseDate, months));
    const decided = latestMinors !== undefined && months !== undefined ? ends.length === 2 : ends.length === 1;
    const eol = decided ? ends.sort()[ends.length - 1] : false;
    return { ...cycle, eol, inWindow: eol === false || eol > asOf };
  });
}

