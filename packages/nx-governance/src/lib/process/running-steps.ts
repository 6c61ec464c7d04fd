import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomically } from '../fs/write-file-atomically';
import { isSameProcess, readProcEntry } from './proc-table';
import { signalStepTree, type StepIdentity } from './step-tree';

/**
 * `<dir>/<runner pid>-<step pid>.json` while a step runs. SIGKILL of the runner
 * (or of Nx's whole process group, as a CI cancel does) leaves the step running
 * and this file behind; the next run reads it and ends what is left.
 */
const RunningStepSchema = z.strictObject({
  bootId: z.string(),
  runner: z.strictObject({ pid: z.number().int(), startTicks: z.number().int() }),
  step: z.strictObject({ pid: z.number().int(), startTicks: z.number().int(), marker: z.string().min(1) }),
  argv: z.array(z.string()),
  startedAt: z.string(),
});

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

/** Writes the step's pid file; the returned function removes it once the step's processes are ended. */
export function recordRunningStep(dir: string, step: StepIdentity, argv: readonly string[]): () => void {
  const file = join(dir, `${process.pid}-${step.pid}.json`);
  const runner = { pid: process.pid, startTicks: readProcEntry(process.pid)?.startTicks ?? 0 };
  const record: z.infer<typeof RunningStepSchema> = { bootId: bootId(), runner, step, argv: [...argv], startedAt: new Date().toISOString() };
  // Pid files are about this machine only: never evidence, never committed.
  if (!existsSync(join(dir, '.gitignore'))) writeFileAtomically(join(dir, '.gitignore'), '*\n');
  writeFileAtomically(file, `${JSON.stringify(record, null, 2)}\n`);
  return () => rmSync(file, { force: true });
}

/**
 * Ends the steps of runs that were killed before they could (their runner is
 * gone) and removes their pid files; steps of runs still going are left alone.
 * Returns one line per step ended or pid file dropped, for the run's log.
 */
export function reapLeftoverSteps(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const lines: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const parsed = parseRunningStep(file);
    if (!parsed.success) {
      rmSync(file, { force: true });
      lines.push(`${file}: found ${parsed.error}, expected a running-step record; removed it, its step (if any) cannot be found`);
      continue;
    }
    const running = parsed.data;
    if (running.bootId === bootId() && isSameProcess(running.runner.pid, running.runner.startTicks)) continue;
    const ended = running.bootId === bootId() ? signalStepTree(running.step, 'SIGKILL') : [];
    rmSync(file, { force: true });
    lines.push(
      ended.length
        ? `ended ${ended.length} process(es) (pid ${ended.join(', ')}) left running by a killed run of \`${running.argv.join(' ')}\` started ${running.startedAt}`
        : `removed the pid file of a killed run of \`${running.argv.join(' ')}\`; none of its processes was left`,
    );
  }
  return lines;
}

function parseRunningStep(file: string): { success: true; data: z.infer<typeof RunningStepSchema> } | { success: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { success: false, error: `unreadable JSON (${(error as Error).message})` };
  }
  const result = RunningStepSchema.safeParse(json);
  return result.success ? { success: true, data: result.data } : { success: false, error: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
}
