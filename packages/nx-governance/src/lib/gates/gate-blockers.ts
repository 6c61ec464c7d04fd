import { existsSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import { delimiter, join } from 'node:path';
import type { CommandGate } from '../schemas/gates';

/** Whether `program` can be started: a path that exists, or a name found on PATH. */
export function isOnPath(program: string, path = process.env.PATH ?? ''): boolean {
  if (program.includes('/')) return existsSync(program);
  return path.split(delimiter).some((dir) => {
    const candidate = join(dir, program);
    try {
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/** Why a gate cannot run on this machine, or undefined when it can. */
export function gateBlocker(gate: CommandGate, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (gate.blocked) return `${gate.blocked.reason} (review: ${gate.blocked.review})`;
  const missing = (gate.requires?.tools ?? []).filter((tool) => !isOnPath(tool, env.PATH));
  if (missing.length) return `${missing.join(', ')} not found on PATH`;
  const needMb = gate.requires?.minMemoryMb;
  const haveMb = Math.floor(totalmem() / 1024 / 1024);
  if (needMb && haveMb < needMb) return `needs ${needMb} MiB of memory, the machine has ${haveMb} MiB`;
  return undefined;
}
