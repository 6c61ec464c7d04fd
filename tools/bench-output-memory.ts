// Benchmark: the peak memory a step that prints a lot costs, against the size
// of its output, measured in the same run. First runProcess alone (lines of
// 1 KiB, and one line with no newline at all), then a real `nx run` of a gate
// whose step prints that much, against the same gate printing one line: the
// gate echoes every line to Nx, which reads it slower than a step can print.
// Run: npm run bench:output-memory            (600 MiB)
//      npm run bench:output-memory -- 16      (a smoke run of 16 MiB)
//      BENCH_OUTPUT_MIB=200 npm run bench:output-memory
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NX_BIN, TestWorkspace } from '../e2e/helpers/workspace';
import { runProcess } from '../packages/nx-governance/src/lib/process/run-process';
import { row } from './bench-utils';

const MIB = 1024 * 1024;
const sizeMib = Number(process.argv[2] ?? process.env.BENCH_OUTPUT_MIB ?? 600);
if (!Number.isFinite(sizeMib) || sizeMib <= 0) throw new Error(`output size: found ${process.argv[2] ?? process.env.BENCH_OUTPUT_MIB}, expected a number of MiB such as 600`);

/** A child that writes `mib` MiB to stdout in 1 MiB writes, each ending in a newline or not. */
function printer(mib: number, newlines: boolean): string[] {
  return ['node', '-e', printerScript(mib, newlines)];
}

function printerScript(mib: number, newlines: boolean): string {
  const script = `const chunk = Buffer.alloc(${MIB}, 'x'); ${newlines ? "for (let i = 1023; i < chunk.length; i += 1024) chunk[i] = 10;" : ''}
let left = ${mib}; const next = () => { while (left > 0) { left--; if (!process.stdout.write(chunk)) return process.stdout.once('drain', next); } }; next();`;
  return script;
}

/** Peak resident memory since the last reset: VmHWM, reset through clear_refs where Linux allows it. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function peakRss(sampled: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return Math.max(sampled, match ? Number(match[1]) * 1024 : 0);
}

async function measure(label: string, newlines: boolean, folder: string): Promise<void> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  const exact = resetPeak();
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  let lines = 0;
  const run = await runProcess({ argv: printer(sizeMib, newlines), cwd: folder, timeoutMs: 30 * 60_000, logFile: join(folder, `${label}.log`), onLine: () => lines++ });
  clearInterval(sampler);
  const increase = peakRss(sampled) - before;
  if (run.exitCode !== 0 || run.outputBytes !== sizeMib * MIB) throw new Error(`${label}: the step exited ${run.exitCode} after ${run.outputBytes} bytes, expected 0 after ${sizeMib * MIB}`);
  console.log(row(`${label}: peak RSS increase${exact ? '' : ' (sampled)'}`, `${(increase / MIB).toFixed(1)} MiB`));
  console.log(row(`${label}: increase / output size`, (increase / (sizeMib * MIB)).toFixed(3)));
  console.log(row(`${label}: lines seen, tail kept`, `${lines}, ${run.tail.length}`));
}

/** Peak RSS of Nx's executor process (run-executor.js) and of Nx itself during `nx run governance:<gate>`, polled from /proc. */
function nxPeaks(workspace: TestWorkspace, gate: string): Promise<{ executor: number; nx: number }> {
  return new Promise((resolve, reject) => {
    const nx = spawn(process.execPath, [NX_BIN, 'run', `governance:${gate}`], { cwd: workspace.root, env: { ...process.env, ...workspace.nxEnv() }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    nx.stdout.on('data', () => undefined);
    nx.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    const peaks = { executor: 0, nx: 0 };
    const vmHwm = (pid: string | number) => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    const poll = setInterval(() => {
      for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
          if (Number(pid) === nx.pid) peaks.nx = Math.max(peaks.nx, vmHwm(pid));
          if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('run-executor')) continue;
          if (!readFileSync(`/proc/${pid}/environ`, 'latin1').includes(workspace.root)) continue;
          peaks.executor = Math.max(peaks.executor, vmHwm(pid));
        } catch {
          // The process ended between the listing and the read.
        }
      }
    }, 50);
    nx.on('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`nx run governance:${gate} exited ${code}:\n${output}`));
      else resolve(peaks);
    });
  });
}

async function measureGate(): Promise<void> {
  const workspace = TestWorkspace.create({ bundled: false });
  try {
    const gate = (id: string, script: string) => ({ id, title: id, scope: 'bench', owner: 'qa', kind: 'command', steps: [{ argv: ['node', '-e', script] }] });
    const gates = [gate('VG-QUIET-001', "console.log('one line')"), gate('VG-LOUD-001', printerScript(sizeMib, true))];
    workspace.write('governance/governance.json', JSON.stringify({ core: { project: 'governance' } }, null, 2));
    workspace.write('governance/gates.json', JSON.stringify({ gates }, null, 2));
    workspace.commit('bench gates');
    const quiet = await nxPeaks(workspace, 'VG-QUIET-001');
    const loud = await nxPeaks(workspace, 'VG-LOUD-001');
    for (const name of ['executor', 'nx'] as const) {
      const increase = loud[name] - quiet[name];
      console.log(row(`nx gate, one line: ${name} peak RSS`, `${(quiet[name] / MIB).toFixed(1)} MiB`));
      console.log(row(`nx gate, ${sizeMib} MiB of 1 KiB lines: ${name} peak RSS`, `${(loud[name] / MIB).toFixed(1)} MiB`));
      console.log(row(`nx gate: ${name} increase / output size`, `${(increase / MIB).toFixed(1)} MiB, ${(increase / (sizeMib * MIB)).toFixed(3)}`));
    }
  } finally {
    workspace.remove();
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'bench-output-memory-'));
  try {
    console.log(`${sizeMib} MiB of output per step, through runProcess with a log file`);
    await measure('1 KiB lines', true, folder);
    await measure('no newline', false, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  await measureGate();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
