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
