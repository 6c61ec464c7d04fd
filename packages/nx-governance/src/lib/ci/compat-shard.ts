/** One of N shards: `index` counts from 1. */
export interface Shard {
  index: number;
  total: number;
}

export type ParsedShard = { ok: true; shard: Shard } | { ok: false; reason: string };

/** `--shard=2/3` as the CI passes it (GitHub's matrix value, GitLab's CI_NODE_INDEX/CI_NODE_TOTAL). */
export function parseShard(text: string): ParsedShard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const total = match ? Number(match[2]) : NaN;
  if (!match || total < 1 || index < 1 || index > total) {
    return { ok: false, reason: `--shard: found "${text}", expected <index>/<total> with 1 <= index <= total, e.g. --shard=2/3` };
  }
  return { ok: true, shard: { index, total } };
}

/**
 * This shard's part of `items`: every total-th one by name, starting at the
 * index-th. Every shard sorts the same names the same way, so together the
 * shards take each item exactly once, whatever order the items came in.
 */
export function itemsOfShard<T>(items: readonly T[], nameOf: (item: T) => string, shard: Shard): T[] {
  const sorted = [...items].sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
  return sorted.filter((_, position) => position % shard.total === shard.index - 1);
}
