import * as semver from 'semver';
import { type CompatRecord, compatVerdict, isMeaningfulCompatResult } from '../compat/compat-result';
import type { CompatibilityFile } from '../schemas/compatibility';
import { releaseCycles, type ReleaseCycle } from './support-window';

export const TIERS = ['supported', 'conditional', 'unsupported', 'untested', 'deprecated'] as const;
export type Tier = (typeof TIERS)[number];

export interface MatrixCell {
  core: string;
  consumer: string;
  consumerVersion: string;
  tier: Tier;
  why: string;
  /** The result file that decided the tier, when one did. */
  evidence?: string;
}

export interface CompatibilityMatrix {
  kind: 'nx-governance/compatibility-matrix';
  asOf: string;
  policy: CompatibilityFile['policy'];
  cycles: ReleaseCycle[];
  consumers: string[];
  cells: MatrixCell[];
  deprecations: CompatibilityFile['deprecations'];
}

export interface StoredCompatResult {
  file: string;
  record: CompatRecord;
}

/**
 * The matrix: for every core release in the support window and every
 * consumer version known for it (from tuples and results), a tier and the
 * reason. "As of" is the newest date in the data, not today, so the same data
 * always renders the same bytes.
 */
export function computeMatrix(
  compat: CompatibilityFile,
  results: StoredCompatResult[],
  declared: Array<{ name: string; supports?: string }> = compat.consumers,
): CompatibilityMatrix {
  const asOf = newestDate(compat, results);
  const cycles = releaseCycles(compat, asOf);
  const inWindow = new Set(cycles.filter((c) => c.inWindow).map((c) => c.cycle));
  const releases = compat.releases
    .filter((r) => inWindow.has(r.version ? `${semver.major(r.version)}.${semver.minor(r.version)}` : r.commit!.slice(0, 7)))
    .map((r) => r.version ?? r.commit!)
    .sort((a, b) => (semver.valid(a) && semver.valid(b) ? semver.rcompare(a, b) : b.localeCompare(a)));
  const consumers = declared.map((c) => c.name).sort();
  const cells: MatrixCell[] = [];
  for (const core of releases) {
    for (const consumer of consumers) {
      const versions = new Set<string>();
      for (const tuple of compat.tuples) if (tuple.core === core && tuple.consumers[consumer]) versions.add(tuple.consumers[consumer]);
      for (const { record } of results) if (record.consumer === consumer && record.tuple.core.version === core && record.tuple.consumer.version) versions.add(record.tuple.consumer.version);
      if (versions.size === 0) versions.add('any');
      const supports = declared.find((c) => c.name === consumer)?.supports;
      for (const consumerVersion of [...versions].sort()) cells.push(cellFor(compat, results, core, consumer, consumerVersion, supports));
    }
  }
  return { kind: 'nx-governance/compatibility-matrix', asOf, policy: compat.policy, cycles, consumers, cells, deprecations: compat.deprecations };
}

function cellFor(
  compat: CompatibilityFile,
  results: StoredCompatResult[],
  core: string,
  consumer: string,
  consumerVersion: string,
  declared: string | undefined,
): MatrixCell {
  const base = { core, consumer, consumerVersion };
  const notice = compat.deprecations.find((d) => d.coreVersions && semver.valid(core) && semver.satisfies(core, d.coreVersions));
  if (notice) return { ...base, tier: 'deprecated', why: `${notice.what}: announced ${notice.announced}, removed ${notice.removal}` };
  const matching = results
    .filter(({ record }) => record.consumer === consumer && record.tuple.core.version === core && (consumerVersion === 'any' || record.tuple.consumer.version === consumerVersion))
    .sort((a, b) => b.record.finishedAt.localeCompare(a.record.finishedAt));
  const newest = matching[0];
  if (!newest) return { ...base, tier: 'untested', why: 'no compatibility result for this pair' };
  const { record, file } = newest;
  switch (compatVerdict(record.result)) {
    case 'pass':
      if (declared && !semver.satisfies(core, declared)) {
        return { ...base, tier: 'conditional', why: `tests pass, but ${consumer} declares support for ${declared} only`, evidence: file };
      }
      return { ...base, tier: 'supported', why: `${record.reason} (${record.finishedAt.slice(0, 10)})`, evidence: file };
    case 'inconclusive': {
      const lastMeaningful = matching.find((m) => isMeaningfulCompatResult(m.record.result));
      const passedBefore = lastMeaningful && compatVerdict(lastMeaningful.record.result) === 'pass';
      return passedBefore
        ? { ...base, tier: 'conditional', why: `passed before; the newest run was spurious: ${record.reason}`, evidence: file }
        : { ...base, tier: 'untested', why: `the only runs were spurious: ${record.reason}`, evidence: file };
    }
    case 'not-applicable':
      return { ...base, tier: 'untested', why: record.reason, evidence: file };
    case 'fail':
      return { ...base, tier: 'unsupported', why: `${record.result}: ${record.reason}`, evidence: file };
  }
}

function newestDate(compat: CompatibilityFile, results: StoredCompatResult[]): string {
  const dates = [...compat.releases.map((r) => r.date), ...compat.deprecations.map((d) => d.announced), ...results.map((r) => r.record.finishedAt.slice(0, 10))];
  return dates.sort().pop() ?? '1970-01-01';
}
