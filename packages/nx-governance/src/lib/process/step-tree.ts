import { randomBytes } from 'node:crypto';
import { hasEnvironmentEntry, listProcesses, type ProcEntry, readProcEntry } from './proc-table';

/**
 * Set in every step's environment with a value unique to the step. Children
 * inherit it, so it still names a grandchild that called `setsid` and whose
 * parent exited (reparented to PID 1, outside the step's group and session):
 * the way Jenkins finds a build's processes.
 */
export const STEP_MARKER_VARIABLE = 'NX_GOVERNANCE_STEP';

/** Names one started step for as long as any of its processes live. */
export interface StepIdentity {
  pid: number;
  /** Start of the step's first process, in clock ticks after boot; no process of the step started earlier. */
  startTicks: number;
  marker: string;
}

export function newStepMarker(): string {
  return randomBytes(12).toString('hex');
}

/** The step's start, read right after it was spawned; the runner's own start bounds it from below when the step is already gone. */
export function stepIdentity(pid: number, marker: string): StepIdentity {
  const startTicks = readProcEntry(pid)?.startTicks ?? readProcEntry(process.pid)?.startTicks ?? 0;
  return { pid, startTicks, marker };
}

/**
 * Every live process of the step: whatever carries its marker, its process
 * group and session while its first process is still the same one (a pid,
 * and so a group id, is reused once they are gone), and all descendants of
 * those by parent pid.
 */
export function findStepProcesses(step: StepIdentity, table: ProcEntry[] = listProcesses()): number[] {
  const marker = `${STEP_MARKER_VARIABLE}=${step.marker}`;
  const candidates = table.filter((p) => p.pid !== process.pid && p.startTicks >= step.startTicks);
  const leaderLives = candidates.some((p) => p.pid === step.pid && p.startTicks === step.startTicks);
  const inGroup = (p: ProcEntry) => leaderLives && (p.pid === step.pid || p.pgrp === step.pid || p.session === step.pid);
  const found = new Set(candidates.filter((p) => inGroup(p) || hasEnvironmentEntry(p.pid, marker)).map((p) => p.pid));
  const children = new Map<number, number[]>();
  for (const p of candidates) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p.pid]);
  const queue = [...found];
  for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
    for (const child of children.get(pid) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * Sends `signal` to every process of the step; returns the pids signalled
 * (those it found running).
 * `group` also signals the process group by id, for the runner that started
 * the step and so knows the group is its own; without /proc (macOS) that is
 * all that can be reached.
 */
export function signalStepTree(step: StepIdentity, signal: NodeJS.Signals, options: { group?: boolean } = {}): number[] {
  // Listed before the group signal, which may end them before /proc is read.
  const running = findStepProcesses(step);
  if (options.group) send(-step.pid, signal);
  return running.filter((pid) => send(pid, signal) || options.group);
}

function send(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    // Already gone, or not ours to end.
    return false;
  }
}

/**
 * SIGKILL to every process of the step until none is left (a signal is
 * delivered, not yet acted on, when kill returns), at most `timeoutMs`; so
 * once a step's run is over, none of its processes outlives it. Returns the
 * pids it found running.
 */
export async function killStepTree(step: StepIdentity, timeoutMs = 2_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  const found = new Set<number>();
  for (let pids = signalStepTree(step, 'SIGKILL', { group: true }); pids.length; pids = signalStepTree(step, 'SIGKILL', { group: true })) {
    for (const pid of pids) found.add(pid);
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return [...found];
}
