import { readdirSync, readFileSync } from 'node:fs';

/** One process as Linux's /proc describes it. */
export interface ProcEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
  /** Clock ticks after boot when the process started: with the pid, names one process even after its pid is reused. */
  startTicks: number;
}

/** /proc/<pid>/stat, or undefined when the process is gone (or there is no /proc). */
export function readProcEntry(pid: number): ProcEntry | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
  const [ppid, pgrp, session] = [fields[1], fields[2], fields[3]].map(Number);
  return { pid, ppid, pgrp, session, startTicks: Number(fields[19]) };
}

/** Every live process this user can see; empty where there is no /proc. */
export function listProcesses(): ProcEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  return names.filter((name) => /^\d+$/.test(name)).flatMap((name) => readProcEntry(Number(name)) ?? []);
}

/** Whether the process's environment holds `name=value` (false when it cannot be read). */
export function hasEnvironmentEntry(pid: number, entry: string): boolean {
  try {
    const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
    return environ.startsWith(`${entry}\0`) || environ.includes(`\0${entry}\0`);
  } catch {
    return false;
  }
}

/** Whether `pid` is still the process that started at `startTicks`. */
export function isSameProcess(pid: number, startTicks: number): boolean {
  return readProcEntry(pid)?.startTicks === startTicks;
}
