import { join } from 'node:path';
import { writeFileAtomically } from '../fs/write-file-atomically';

/** The tuple id a release's validated combination is kept under: `release-1-2-0` (tuple ids are lower-case words). */
export function releaseTupleId(version: string): string {
  return `release-${version.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

export interface ValidatedRelease {
  version: string;
  commit?: string;
  date: string;
  /** Each consumer's version (or commit) the release was validated with. */
  consumers: Record<string, string>;
}

/**
 * The compatibility document with a release readiness said GO for: its row in
 * `releases` (added when missing) and the tuple it was validated with, stated
 * supported on that date. The matrix reads each consumer's latest result for
 * the newest release, and this tuple for the release once the consumers'
 * results have moved on to the next one, so a release keeps its tier in every
 * clone instead of turning untested.
 */
export function withValidatedRelease<T extends { releases?: unknown[]; tuples?: unknown[] }>(compatibility: T, release: ValidatedRelease): T {
  const releases = [...((compatibility.releases ?? []) as Array<{ version?: string; commit?: string; date?: string }>)];
  if (!releases.some((r) => r.version === release.version)) releases.push({ version: release.version, ...(release.commit ? { commit: release.commit } : {}), date: release.date });
  const id = releaseTupleId(release.version);
  const tuple = { id, core: release.version, consumers: release.consumers, tier: 'supported', validated: release.date };
  const tuples = ((compatibility.tuples ?? []) as Array<{ id: string }>).filter((t) => t.id !== id);
  return { ...compatibility, releases, tuples: [...tuples, tuple] };
}

/** Writes the release into the compatibility document at `file` (workspace-relative), keeping everything else as it is. */
export function recordValidatedRelease(root: string, file: string, text: string, release: ValidatedRelease): void {
  const updated = withValidatedRelease(JSON.parse(text) as { releases?: unknown[]; tuples?: unknown[] }, release);
  writeFileAtomically(join(root, file), `${JSON.stringify(updated, null, 2)}\n`);
}
