import { posix } from 'node:path';
import type { ImportedProse } from './import-prose';

type Where = { file: string; line: number } | undefined;

/**
 * Each problem of the data an import would write, followed by the prose line
 * it came from (the gate's row, the tuple's row, the milestone's own file), so
 * the fix is made where the words are.
 */
export function sourceLinesOf(problems: readonly string[], imported: ImportedProse, governanceDir: string): string[] {
  return problems.map((problem) => {
    const match = /^(\S+?):(\d+): ([^\s:]+): /.exec(problem) ?? /^(\S+?):(\d+): /.exec(problem);
    if (!match) return problem;
    const where = sourceOf(match[1], Number(match[2]), match[3] ?? '', imported, governanceDir);
    return where ? `${problem} (from ${where.file}:${where.line})` : problem;
  });
}

function sourceOf(file: string, line: number, path: string, imported: ImportedProse, dir: string): Where {
  const index = (name: string) => Number(new RegExp(`^${name}\\[(\\d+)\\]`).exec(path)?.[1] ?? -1);
  if (file === `${dir}/gates.json`) return imported.gateLines.get(imported.gates[index('gates')]?.id ?? '');
  if (file === `${dir}/compatibility.json` && imported.compatibility) {
    const compat = imported.compatibility;
    if (path.startsWith('tuples')) return compat.tupleLines[index('tuples')];
    if (path.startsWith('deprecations')) return compat.deprecationLines[index('deprecations')];
  }
  const milestone = imported.milestones.find((m) => file === `${dir}/milestones/${posix.basename(m.file)}` || file === m.file);
  return milestone ? { file: milestone.file, line } : undefined;
}
