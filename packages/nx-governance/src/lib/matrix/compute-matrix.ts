import * as semver from 'semver';
import { addDays } from '../dates';
import { type CompatRecord, compatVerdict, isMeaningfulCompatResult } from '../compat/compat-result';
import type { CompatibilityFile } from '../schemas/compatibility';
import { byDateThenVersion, releaseCycles, type ReleaseCycle } from './support-window';

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
    // Newest first: by version where both have one, else (tuples of commits) by date.
    .sort((a, b) => (a.version && b.version ? semver.rcompare(a.version, b.version) : byDateThenVersion(b, a)));
  // A tuple names its release by version or, pinned by commit, by the release's commit.
  const tupleCore = new Map(compat.tuples.map((t) => [t, releases.find((r) => r.version === t.core || r.commit === t.core)]));
  const isFor = (tuple: CompatibilityFile['tuples'][number], core: string) => tuple.core === core || (tupleCore.get(tuple)?.version ?? tupleCore.get(tuple)?.commit) === core;
  const consumers = declared.map((c) => c.name).sort();
  // Each cell looks only at its consumer's results: grouped once, a large matrix costs cells times one history, not cells times all.
  const resultsOf = new Map<string, StoredCompatResult[]>();
  for (const result of results) resultsOf.set(result.record.consumer, [...(resultsOf.get(result.record.consumer) ?? []), result]);
  const cells: MatrixCell[] = [];
  for (const core of releases.map((r) => r.version ?? r.commit!)) {
    for (const consumer of consumers) {
      const own = resultsOf.get(consumer) ?? [];
      const versions = new Set<string>();
      for (const tuple of compat.tuples) if (isFor(tuple, core) && tuple.consumers[consumer]) versions.add(tuple.consumers[consumer]);
      for (const { record } of own) if (record.tuple.core.version === core && record.tuple.consumer.version) versions.add(record.tuple.consumer.version);
      if (versions.size === 0) versions.add('any');
      const supports = declared.find((c) => c.name === consumer)?.supports;
      for (const consumerVersion of [...versions].sort()) cells.push(cellFor(compat, own, core, consumer, consumerVersion, supports, asOf, isFor));
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
  asOf: string,
  isFor: (tuple: CompatibilityFile['tuples'][number], core: string) => boolean,
): MatrixCell {
  const base = { core, consumer, consumerVersion };
  const notice = compat.deprecations.find((d) => d.coreVersions && semver.valid(core) && semver.satisfies(core, d.coreVersions));
  if (notice) return { ...base, tier: 'deprecated', why: `${notice.what}: announced ${notice.announced}, removed ${notice.removal}` };
  const matching = results
    .filter(({ record }) => record.consumer === consumer && isCore(record, core) && (consumerVersion === 'any' || record.tuple.consumer.version === consumerVersion))
    .sort((a, b) => b.record.finishedAt.localeCompare(a.record.finishedAt));
  const newest = matching[0];
  if (!newest) return statedCell(compat, base, asOf, isFor) ?? { ...base, tier: 'untested', why: 'no compatibility result for this pair' };
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
  const dates = [...compat.releases.flatMap((r) => (r.date ? [r.date] : [])), ...compat.deprecations.map((d) => d.announced), ...results.map((r) => r.record.finishedAt.slice(0, 10))];
  return dates.sort().pop() ?? '1970-01-01';
}

/** A result is for this core when it names its version, or (before 1.0, tuples of commits) its commit. */
function isCore(record: StoredCompatResult['record'], core: string): boolean {
  return record.tuple.core.version === core || (!!record.tuple.core.commit && core.length >= 7 && record.tuple.core.commit.startsWith(core));
}

/**
 * Without a result of its own, a pair takes the tier the compatibility
 * document states for its tuple, within the support window it states: a
 * tuple validated longer ago than `supportWindow.days` is unsupported, unless
 * the window names it (`supportWindow.tuples`, e.g. current and rollback).
 */
function statedCell(
  compat: CompatibilityFile,
  base: Pick<MatrixCell, 'core' | 'consumer' | 'consumerVersion'>,
  asOf: string,
  isFor: (tuple: CompatibilityFile['tuples'][number], core: string) => boolean,
): MatrixCell | undefined {
  const tuple = compat.tuples.find((t) => isFor(t, base.core) && t.consumers[base.consumer] === base.consumerVersion && t.tier);
  if (!tuple?.tier) return undefined;
  const { days, tuples: always = [] } = compat.policy.supportWindow;
  const validated = tuple.validated ? ` (validated ${tuple.validated})` : '';
  if (days !== undefined && tuple.validated && !always.includes(tuple.id) && addDays(tuple.validated, days) < asOf) {
    return { ...base, tier: 'unsupported', why: `tuple ${tuple.id}${validated} is outside the ${days}-day support window` };
  }
  return { ...base, tier: tuple.tier, why: `tuple ${tuple.id} as the compatibility document states${validated}; no compatibility result of its own yet` };
}
