import { existsSync, readFileSync } from 'node:fs';
import { timestampFileName } from '../evidence/evidence-layout';
import { join } from 'node:path';
import * as semver from 'semver';
import { reachCore, type ReachedCore } from '../consumers/core-reach';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import type { ResolvedCore } from '../consumers/resolve-core';
import { readManifestField } from '../consumers/read-manifest-field';
import { folderCommit, recordedDirty, treeState } from '../git/git';
import { processFacts, runProcess } from '../process/run-process';
import { runProcessSync } from '../process/run-process-sync';
import { executedTests, type TestCounts, TestSummaryReader } from '../process/test-counts';
import { clearJunitReport, readOwnJunit } from '../process/test-counts-junit';
import type { GovernanceSettings } from '../schemas/governance';
import { withoutUndefined } from '../without-undefined';
import { classifyCompatResult, type CompatOutcome, type CompatRecord, type CompatTuple, isMeaningfulCompatResult } from './compat-result';
import { compatResultFolder } from './compat-paths';
import { readLatestCompatResult, writeCompatResult } from './compat-store';

export interface CompatRunInput {
  root: string;
  settings: GovernanceSettings;
  core: ResolvedCore;
  consumer: ResolvedConsumer;
  /** Receives progress and the consumer's output, line by line. */
  log: (line: string) => void;
  signal?: AbortSignal;
  /** Use this build of the core instead of the workspace's (bisect builds one per commit). */
  artifactOverride?: string;
  /** Leave no evidence (bisect's intermediate runs). */
  dryRun?: boolean;
  /** The hash Nx gave the compat task, recorded so readers can tell whether the result is for the inputs as they are now. */
  taskHash?: string;
}

/**
 * Runs one consumer's test command against the core's current build and
 * records the outcome, classified against the consumer's previous result.
 */
export async function runCompat(input: CompatRunInput): Promise<CompatRecord> {
  const startedAt = new Date();
  const reached = reachCore(input.root, input.core, input.consumer, input.artifactOverride);
  const tuple = readTuple(input, reached.ok ? reached.artifact : undefined);
  const measured = await measure(input, tuple, reached, timestampFileName(startedAt));
  return recordCompat(input, tuple, measured, startedAt);
}

/**
 * The result of a compat run Nx did not start because a build it waits for
 * failed: the consumer's own build failing against this core is a failure of
 * the consumer (a regression when it passed before); the core's build failing
 * says nothing about the consumer, so it is spurious.
 */
export function recordCompatNotRun(input: Omit<CompatRunInput, 'log'>, failed: { target: string; code: number; ownBuild: boolean }): CompatRecord {
  const tuple = readTuple(input, undefined);
  const outcome: CompatOutcome = failed.ownBuild ? 'fail' : 'spurious';
  const reason = `${failed.target} failed (exit ${failed.code}), so the consumer's tests did not run${failed.ownBuild ? ': it does not build against this core' : ''}`;
  return recordCompat(input, tuple, { outcome, reason, durationMs: 0 }, new Date());
}

function recordCompat(input: Omit<CompatRunInput, 'log'>, tuple: CompatTuple, measured: Measured, startedAt: Date): CompatRecord {
  const { root, settings, consumer } = input;
  const previous = readLatestCompatResult(root, settings, consumer.name);
  const baseline = previous && !isMeaningfulCompatResult(previous.result) ? previous.previous : previous;
  const record: Omit<CompatRecord, 'digest'> = {
    kind: 'nx-governance/compat-result',
    formatVersion: 1,
    consumer: consumer.name,
    project: consumer.project,
    tuple,
    result: classifyCompatResult(measured.outcome, baseline?.result),
    ...measured,
    ...(baseline ? { previous: { result: baseline.result, finishedAt: baseline.finishedAt, digest: baseline.digest } } : {}),
    ...(input.taskHash ? { taskHash: input.taskHash } : {}),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
  };
  return input.dryRun ? ({ ...record, digest: '' } as CompatRecord) : writeCompatResult(root, settings, record);
}

type Measured = Omit<CompatRecord, 'kind' | 'formatVersion' | 'consumer' | 'project' | 'tuple' | 'result' | 'previous' | 'startedAt' | 'finishedAt' | 'digest'>;

async function measure(input: CompatRunInput, tuple: CompatTuple, reached: ReachedCore, stamp: string): Promise<Measured> {
  const { root, settings, core, consumer, log } = input;
  const quick = (outcome: CompatOutcome, reason: string): Measured => ({ outcome, reason, durationMs: 0 });
  if (!consumer.test) return quick('skipped', `${consumer.name} declares no test command and its language is unknown`);
  const coreVersion = tuple.core.version;
  if (consumer.supports && coreVersion && !semver.satisfies(coreVersion, consumer.supports, { includePrerelease: true })) {
    return quick('skipped', `${consumer.name} supports ${core.project} ${consumer.supports}; the core is ${coreVersion}`);
  }
  if (!reached.ok) return quick('spurious', reached.reason);

  const logFile = `${compatResultFolder(settings, consumer.name)}/logs/${stamp}.log`;
  const summary = new TestSummaryReader();
  const { argv, cwd, env, timeoutSeconds, junit } = consumer.test;
  // A report left by an earlier run must not count for this one.
  if (junit) clearJunitReport(root, junit);
  const how = Object.entries(reached.env).map(([name, value]) => `with ${name}=${value}`)[0] ?? `by ${reached.reach}${reached.artifact ? ` (${reached.artifact})` : ''}`;
  log(`[compat ${consumer.name}] ${argv.join(' ')} (in ${cwd}) against ${core.project} ${coreVersion ?? ''} ${how}`);
  const run = await runProcess({
    argv,
    cwd: join(root, cwd),
    env: { ...process.env, ...env, ...reached.env },
    timeoutMs: timeoutSeconds * 1000,
    logFile: input.dryRun ? undefined : join(root, logFile),
    signal: input.signal,
    onLine: (line) => {
      summary.read(line);
      log(`[compat ${consumer.name}] ${line}`);
    },
  });
  const tests = readJunitIfAny(root, consumer.test.junit) ?? summary.result();
  const facts = {
    command: { argv, cwd, env: Object.keys(env).sort() },
    ...processFacts(run, input.dryRun ? undefined : logFile),
    ...(tests ? { tests } : {}),
  };
  return { ...facts, ...judge(run, tests, timeoutSeconds) };
}

function readJunitIfAny(root: string, junit: string | undefined): TestCounts | undefined {
  const read = junit ? readOwnJunit(root, junit) : undefined;
  return read?.ok ? read.counts : undefined;
}

function judge(
  run: { exitCode: number | null; signal: string | null; timedOut: boolean; aborted: boolean; spawnError?: string },
  tests: TestCounts | undefined,
  timeoutSeconds: number,
): { outcome: CompatOutcome; reason: string } {
  if (run.spawnError) return { outcome: 'spurious', reason: run.spawnError };
  if (run.timedOut) return { outcome: 'spurious', reason: `timed out after ${timeoutSeconds}s` };
  if (run.aborted) return { outcome: 'spurious', reason: 'interrupted' };
  if (run.signal === 'SIGKILL') return { outcome: 'spurious', reason: 'killed by SIGKILL (out of memory?)' };
  if (run.exitCode !== 0) {
    const failed = tests ? `, ${tests.failed} of ${executedTests(tests)} test(s) failed` : '';
    return { outcome: 'fail', reason: `exited ${run.exitCode ?? run.signal}${failed}` };
  }
  if (tests && tests.failed > 0) return { outcome: 'fail', reason: `exited 0, but ${tests.failed} of ${executedTests(tests)} test(s) failed` };
  if (tests && executedTests(tests) === 0) {
    return { outcome: 'fail', reason: tests.skipped ? `all ${tests.skipped} test(s) were skipped` : 'no tests ran' };
  }
  return { outcome: 'pass', reason: tests ? `${tests.passed} test(s) passed, ${tests.skipped} skipped` : 'exited 0' };
}

/** The core and the consumer as they are now: versions, folder commits, whether either has uncommitted changes. */
export function readTuple(input: Pick<CompatRunInput, 'root' | 'core' | 'consumer'>, artifact: string | undefined): CompatTuple {
  const { root, core, consumer } = input;
  const schemaVersion = artifact && core.schemaVersionArgs ? readSchemaVersion(artifact, core.schemaVersionArgs, root) : undefined;
  const version = (source?: { file: string; field?: string }) => {
    if (!source?.field || !existsSync(join(root, source.file))) return undefined;
    return readManifestField(source.file, readFileSync(join(root, source.file), 'utf8'), source.field);
  };
  return {
    core: {
      project: core.project,
      ...(core.version ? { version: core.version } : {}),
      ...(core.path ? { commit: folderCommit(root, core.path), dirty: recordedDirty(treeState(root, core.path)) } : { dirty: false }),
    },
    consumer: {
      name: consumer.name,
      ...withoutUndefined({ version: version(consumer.versionSource) }),
      ...(consumer.path ? { commit: folderCommit(root, consumer.path), dirty: recordedDirty(treeState(root, consumer.path)) } : { dirty: false }),
    },
    ...(schemaVersion ? { schemaVersion } : {}),
  };
}

/** The artifact's schema version, or undefined (not recorded) when the probe fails. */
function readSchemaVersion(artifact: string, args: string[], root: string): string | undefined {
  const result = runProcessSync({ argv: [artifact, ...args], cwd: root, timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 });
  return result.ok && result.exitCode === 0 ? result.stdout.trim() || undefined : undefined;
}
