import { EVERY_RESULT, type ResultCurrency } from '../compat/checkout-results';
import { readLatestCompatRecord } from '../compat/compat-store';
import { statedConsumers } from '../consumers/resolve-consumers';
import { compatLatestFile } from '../evidence/evidence-layout';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import { type CompatibilityMatrix, computeMatrix, type StoredCompatResult } from './compute-matrix';

/**
 * The compatibility matrix every reader shows (the rendered document `nx sync`
 * writes, `compat-query`, the report's tier changes, the page), computed one
 * way from what a clone has: the compatibility document (its releases and the
 * tuples validated for them) and each consumer's `latest` result, which the
 * evidence policy commits. The local history of results is left out: it is
 * one machine's, holds whatever branch ran there (a branch's failing run made
 * main's matrix say unsupported), and a clone without it rendered another
 * matrix, so `nx sync:check` failed on a fresh clone. Older releases keep
 * their tier through their tuples (release-candidate records one on GO).
 * A checkout's readers pass `resultsOfCheckout`, so that an uncommitted result
 * a branch left behind does not count on main. Consumers not in this workspace
 * (`statedConsumers`) are in it with the tiers their stated tuples give.
 */
export function workspaceMatrix(
  reader: FileReader,
  data: Pick<GovernanceData, 'settings' | 'compatibility' | 'consumerFiles'>,
  consumers: ReadonlyArray<{ name: string; supports?: string }>,
  currency: ResultCurrency = EVERY_RESULT,
): CompatibilityMatrix | undefined {
  const compat = data.compatibility?.data;
  if (!compat) return undefined;
  const results = latestCompatResults(reader, data.settings, consumers.map((c) => c.name)).filter(({ file, record }) => currency(file, record));
  return computeMatrix(compat, results, [...consumers, ...statedConsumers(data)]);
}

/** Each consumer's latest result that verifies (schema and digest; results are never signed). */
export function latestCompatResults(reader: FileReader, settings: GovernanceSettings, consumers: string[]): StoredCompatResult[] {
  return consumers.flatMap((consumer) => {
    const record = readLatestCompatRecord(reader, settings, consumer);
    return record ? [{ file: compatLatestFile(settings, consumer), record }] : [];
  });
}
