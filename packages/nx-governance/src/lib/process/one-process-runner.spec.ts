import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The runner's own files: everything else starts processes through `runProcess` or `runProcessSync`.
 * tool-version.ts names child_process only in the script it hands Nx for a `runtime` input.
 */
const RUNNER = ['lib/process/run-process.ts', 'lib/process/run-process-sync.ts', 'lib/process/reap-watchdog.ts', 'lib/process/tool-version.ts'];
const SOURCE_ROOT = join(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Specs may start fixtures (a git repository, a stray process) themselves.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('one process runner', () => {
  it('is the only code under src/ that imports child_process', () => {
    const importers = sourceFiles(SOURCE_ROOT)
      .filter((file) => /(from|require\()\s*['"](node:)?child_process['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SOURCE_ROOT, file))
      .sort();
    expect(importers).toEqual([...RUNNER].sort());
  });
});
