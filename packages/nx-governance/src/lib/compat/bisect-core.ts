import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import type { ResolvedCore } from '../consumers/resolve-core';
import { git, runGit, treeState } from '../git/git';
import { runProcess } from '../process/run-process';
import type { GovernanceSettings } from '../schemas/governance';
import type { CompatOutcome, CompatRecord } from './compat-result';
import { runCompat } from './run-compat';

export interface BisectInput {
  root: string;
  settings: GovernanceSettings;
  core: ResolvedCore;
  consumer: ResolvedConsumer;
  /** A revision at which the consumer passed. */
  good: string;
  log: (line: string) => void;
  signal?: AbortSignal;
}

/**
 * Finds the first core commit after `good` with which the consumer's current
 * tests fail: a binary search over the commits that touched the core, building
 * the core from each one in a scratch folder. Uncommitted core changes count
 * as one more, last candidate.
 */
export async function bisectCore(input: BisectInput): Promise<NonNullable<CompatRecord['bisect']>> {
  const { root, core, good, log } = input;
  if (!core.path || !core.build || !core.artifact) {
    return { good, tested: [], note: `cannot bisect: the core has no path, build command or artifact in governance.json` };
  }
  const goodCommit = git(root, ['rev-parse', '--verify', `${good}^{commit}`]);
  if (!goodCommit) return { good, tested: [], note: `cannot bisect: ${good} is not a commit` };
  const listed = runGit(root, ['rev-list', '--reverse', `${goodCommit}..HEAD`, '--', core.path]);
  // A git error is no evidence that no core commit came after `good`.
  if (!listed.ok) return { good, tested: [], note: `cannot bisect: ${listed.reason}` };
  const commits = listed.stdout.split('\n').filter(Boolean);
  const tree = treeState(root, core.path);
  // When git cannot say, the working tree is a candidate too: it may hold the change.
  const dirty = !tree.ok || tree.dirty;
  const candidates = dirty ? [...commits, 'working tree'] : commits;
  if (candidates.length === 0) return { good, tested: [], note: `no core commit after ${good}: the failure does not come from the core` };

  const tested: Array<{ commit: string; outcome: CompatOutcome }> = [];
  // Invariant: the consumer passes at `low` (the good revision) and fails at `high` (the current state).
  let low = -1;
  let high = candidates.length - 1;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    const commit = candidates[middle];
    log(`[bisect ${input.consumer.name}] testing core at ${commit.slice(0, 12)} (${high - low - 1} candidate(s) left)`);
    const outcome = await outcomeAtCommit(input, commit, { path: core.path, build: core.build, artifact: core.artifact });
    tested.push({ commit, outcome });
    if (outcome === 'pass') low = middle;
    else high = middle;
  }
  const firstBad = candidates[high];
  const subject = firstBad === 'working tree' ? 'uncommitted changes to the core' : `${firstBad.slice(0, 12)} ${git(root, ['log', '-1', '--format=%s', firstBad]) ?? ''}`.trim();
  return { good, firstBad, tested, note: `first failing core revision: ${subject}` };
}

/** What building the core from an older commit needs, checked present before bisecting. */
interface CoreBuild {
  path: string;
  build: string[];
  artifact: string;
}

async function outcomeAtCommit(input: BisectInput, commit: string, core: CoreBuild): Promise<CompatOutcome> {
  const { root } = input;
  const scratch = mkdtempSync(join(tmpdir(), 'nx-governance-bisect-'));
  try {
    // Through a file, not a pipe: each of the two runs alone in the runner, with its timeout and its tree ended.
    const tarball = join(scratch, 'core.tar');
    const unpack = [
      ['git', 'archive', '--format=tar', `--output=${tarball}`, commit, '--', core.path],
      ['tar', '-x', '-f', tarball, '-C', scratch],
    ];
    for (const argv of unpack) {
      const run = await runProcess({ argv, cwd: root, timeoutMs: 10 * 60_000, signal: input.signal });
      if (run.exitCode !== 0) {
        input.log(`[bisect ${input.consumer.name}] ${argv.slice(0, 2).join(' ')} failed at ${commit.slice(0, 12)}: ${run.spawnError ?? run.tail.slice(-1)[0] ?? `exited ${run.exitCode ?? run.signal}`}; counted as spurious`);
        return 'spurious';
      }
    }
    const build = await runProcess({ argv: core.build, cwd: join(scratch, core.path), timeoutMs: 30 * 60_000, signal: input.signal });
    if (build.exitCode !== 0) {
      input.log(`[bisect ${input.consumer.name}] the core does not build at ${commit.slice(0, 12)}; counted as failing`);
      return 'fail';
    }
    const record = await runCompat({ ...input, artifactOverride: join(scratch, core.artifact), dryRun: true, log: () => undefined });
    return record.outcome;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
