import { existsSync, readFileSync } from 'node:fs';

/** Whether `pid` still runs: a killed process that nobody has reaped yet is a zombie, gone though its pid still answers. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

/**
 * Whether `pid` is gone within `ms`. A SIGKILLed process ends when the kernel
 * next schedules it, which on a loaded machine can come after the signal
 * call returned; a process nobody killed still fails this, as it runs on.
 */
export async function endsWithin(pid: number, ms = 5_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}
