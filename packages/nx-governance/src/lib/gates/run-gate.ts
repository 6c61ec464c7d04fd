import { join } from 'node:path';
import { runningMarkersFolder, timestampFileName } from '../evidence/evidence-layout';
import type { ResolvedConsumer } from '../consumers/resolve-consumers';
import type { GateRecord, StepRecord } from '../evidence/gate-record';
import { currentBranch, folderCommit, headCommit, recordedDirty, treeState } from '../git/git';
import { processFacts, runProcess } from '../process/run-process';
import { readToolVersion } from '../process/tool-version';
import { reapLeftoverSteps } from '../process/running-steps';
import { TestSummaryReader } from '../process/test-counts';
import { clearJunitReport } from '../process/test-counts-junit';
import type { CommandGate, Gate, ManualGate } from '../schemas/gates';
import type { GovernanceSettings } from '../schemas/governance';
import { findCurrentAttestation, manualGateFingerprint } from './attestation';
import { gateBlocker } from './gate-blockers';
import { evaluatePassCriteria, type StoredStep } from './pass-criteria';
import { gateEvidenceFolder } from '../evidence/gate-store';
import { producedHere } from '../evidence/produced-by';

export interface GateRunInput {
  root: string;
  settings: GovernanceSettings;
  gate: Gate;
  consumers: ResolvedConsumer[];
  context: { task?: string; milestone?: string; releaseClass?: string };
  versions: { nx?: string; plugin?: string };
  taskHash?: string;
  /** What Nx stored of an Nx target step (run or restored) for its current hash: its output and JUnit report, to count its tests. */
  storedStep?: (target: string) => StoredStep | undefined;
  /** Whether Nx ran (or restored) the Nx target step in this run; not with --exclude-task-dependencies. Undefined: unknown, so no. */
  stepInRun?: (target: string) => boolean;
  log: (line: string) => void;
  signal?: AbortSignal;
}

export type UnchainedRecord = Omit<GateRecord, 'sequence' | 'previousDigest'>;

/** Runs one gate (or, for a manual gate, looks for a current attestation) and describes the outcome. */
export async function runGate(input: GateRunInput): Promise<UnchainedRecord> {
  const started = new Date();
  const { gate } = input;
  const outcome = gate.kind === 'command' ? await runCommandGate(input, gate, started) : evaluateManualGate(input, gate);
  return describeGateRun(input, started, outcome);
}

/**
 * The record of a gate Nx did not run because one of its Nx target steps
 * failed (or did not run either): a `fail` that names the step, so it replaces
 * any earlier `pass` and every reader of the latest record sees it.
 */
export function recordGateNotRun(input: Omit<GateRunInput, 'signal' | 'log'>, steps: StepRecord[]): UnchainedRecord {
  const failed = steps.filter((s) => s.note !== 'succeeded');
  const notes = failed.map((s) => `Nx target step ${s.target} ${s.note}; the gate did not run`);
  return describeGateRun(input, new Date(), { result: 'fail', notes: notes.length ? notes : ['the gate did not run'], steps });
}

function describeGateRun(input: Omit<GateRunInput, 'signal' | 'log'>, started: Date, outcome: Outcome): UnchainedRecord {
  const { gate } = input;
  const finished = new Date();
  return {
    gate: gate.id,
    title: gate.title,
    kind: gate.kind,
    enforcement: gate.enforcement,
    owner: gate.owner,
    ...input.context,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    git: {
      commit: headCommit(input.root),
      branch: currentBranch(input.root),
      dirty: recordedDirty(treeState(input.root, undefined, input.settings.paths.evidence)),
      consumers: Object.fromEntries(
        input.consumers.filter((c) => c.path).map((c) => [c.name, folderCommit(input.root, c.path!) ?? 'uncommitted']),
      ),
    },
    tools: { node: process.version, ...input.versions, steps: outcome.stepVersions ?? {} },
    producedBy: producedHere(input.root),
    criteria: [],
    ...withoutStepVersions(outcome),
    ...(input.taskHash ? { taskHash: input.taskHash } : {}),
  } as UnchainedRecord;
}

function withoutStepVersions({ stepVersions: _versions, ...outcome }: Outcome): Omit<Outcome, 'stepVersions'> {
  return outcome;
}

type Outcome = Pick<GateRecord, 'result' | 'notes' | 'steps'> & Partial<Pick<GateRecord, 'criteria' | 'tests' | 'checklist' | 'attestation'>> & { stepVersions?: Record<string, string> };

async function runCommandGate(input: GateRunInput, gate: CommandGate, started: Date): Promise<Outcome> {
  const { root, settings, log } = input;
  const blocker = gateBlocker(gate);
  if (blocker) return { result: 'blocked', notes: [`blocked: ${blocker}; owner: ${gate.owner}`], steps: [] };

  const steps: StepRecord[] = [];
  const stepVersions: Record<string, string> = {};
  const summary = new TestSummaryReader();
  const stepReports: Array<{ target: string; xml: string }> = [];
  const deadline = started.getTime() + gate.timeoutSeconds * 1000;
  const stamp = timestampFileName(started);
  // Steps of a run killed with SIGKILL are still running: end them before this run starts its own.
  const runningDir = join(root, runningMarkersFolder(settings));
  for (const line of reapLeftoverSteps(runningDir)) log(`[${gate.id}] ${line}`);
  const junit = gate.passCriteria?.minTests?.junit;
  const ranOwnSteps = gate.steps.some((step) => !('target' in step));
  if (junit && ranOwnSteps && clearJunitReport(root, junit)) log(`[${gate.id}] removed ${junit}, left by an earlier run: only a report this run's steps write counts`);
  for (const [index, step] of gate.steps.entries()) {
    const position = `[${gate.id} ${index + 1}/${gate.steps.length}]`;
    if ('target' in step) {
      if (!input.stepInRun?.(step.target)) {
        const note = 'was not part of this run (--exclude-task-dependencies?), so nothing says it passed for these inputs';
        steps.push({ label: step.target, target: step.target, durationMs: 0, note });
        return { result: 'fail', notes: [`Nx target step ${step.target} ${note}; run the gate with its task dependencies`], steps, stepVersions };
      }
      log(`${position} nx run ${step.target} (run and cached by Nx before this gate)`);
      const stored = input.storedStep?.(step.target);
      if (stored?.output !== undefined) summary.readAll(stored.output);
      if (stored?.junit !== undefined) stepReports.push({ target: step.target, xml: stored.junit });
      const counted = stored?.output === undefined && gate.passCriteria?.minTests ? '; Nx stored no output of it to count tests from' : '';
      steps.push({ label: step.target, target: step.target, durationMs: 0, note: `run by Nx as a dependency of the gate target${counted}` });
      continue;
    }
    const label = step.name ?? step.argv.join(' ');
    if (step.version) stepVersions[label] = readToolVersion(step.version, join(root, step.cwd ?? '.'));
    log(`${position} ${step.argv.join(' ')}${step.cwd ? ` (in ${step.cwd})` : ''}`);
    const logFile = `${gateEvidenceFolder(settings, gate.id)}/logs/${stamp}-step${index + 1}.log`;
    const run = await runProcess({
      argv: step.argv,
      cwd: join(root, step.cwd ?? '.'),
      env: { ...process.env, ...step.env },
      timeoutMs: Math.max(1, deadline - Date.now()),
      logFile: join(root, logFile),
      signal: input.signal,
      runningDir,
      onLine: (line) => summary.read(line),
      echo: (line) => log(`${position} ${line}`),
    });
    steps.push({
      label,
      argv: step.argv,
      cwd: step.cwd ?? '.',
      ...processFacts(run, logFile),
    });
    if (run.leftRunning) log(`${position} the step left ${run.leftRunning} process(es) running when it ended; the runner ended them`);
    if (run.spawnError) return { result: 'blocked', notes: [`blocked: ${run.spawnError}; owner: ${gate.owner}`], steps, stepVersions };
    if (run.aborted) return { result: 'interrupted', notes: ['interrupted (Ctrl-C) while running this step'], steps, stepVersions };
    if (run.timedOut) return { result: 'fail', notes: [`timeout: the gate's ${gate.timeoutSeconds}s ran out during step ${index + 1}`], steps, stepVersions };
    if (run.exitCode !== 0) return { result: 'fail', notes: [`step ${index + 1} exited ${run.exitCode ?? run.signal}`], steps, stepVersions };
  }
  const { criteria, tests } = evaluatePassCriteria(root, gate, { summary: summary.result(), stepReports }, ranOwnSteps);
  const unmet = criteria.filter((c) => !c.passed);
  return {
    result: unmet.length ? 'fail' : 'pass',
    notes: unmet.map((c) => `${c.name} not met: ${c.detail}`),
    steps,
    criteria,
    ...(tests ? { tests } : {}),
    stepVersions,
  };
}

function evaluateManualGate(input: GateRunInput, gate: ManualGate): Outcome {
  const fingerprint = manualGateFingerprint(input.root, gate);
  const found = findCurrentAttestation(input.root, input.settings, gate.id, fingerprint, input.context.task);
  if (!found) {
    return {
      result: 'pending',
      notes: [`pending: no attestation for the current inputs; ${gate.owner} attests with nx run governance:attest --gate=${gate.id}${input.context.task ? ` --task=${input.context.task}` : ''}`],
      steps: [],
      checklist: gate.checklist.map((item) => ({ item, answer: 'no' as const, note: 'not attested' })),
    };
  }
  const { attestation, file } = found;
  const refused = attestation.answers.filter((a) => a.answer !== 'yes');
  return {
    result: refused.length ? 'fail' : 'pass',
    notes: refused.map((a) => `not confirmed: ${a.item}${a.note ? ` (${a.note})` : ''}`),
    steps: [],
    checklist: attestation.answers,
    attestation: { by: attestation.by, at: attestation.at, fingerprint, file, digest: attestation.digest },
  };
}
