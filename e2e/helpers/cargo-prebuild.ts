import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './paths';

/**
 * The bundled Rust crates and the builds their gates and compatibility runs ask
 * for. Built once in the repository before the end-to-end tests; each bundled
 * workspace then gets a copy of target/ with the sources' own timestamps, so
 * cargo finds it fresh, as on any machine that built before, instead of every
 * workspace compiling the same crates again. An edit a test makes is newer than
 * the build, and cargo rebuilds what it touches.
 */
const BUNDLED_CRATE_BUILDS: ReadonlyArray<{ folder: string; argv: string[] }> = [
  { folder: 'loop', argv: ['build', '--release', '--offline'] },
  { folder: 'loop', argv: ['test', '--offline', '--no-run'] },
  { folder: 'vendor/io-rflx', argv: ['test', '--offline', '--no-run'] },
];

/** Builds the bundled crates in place (their target/ folders are git-ignored); throws with cargo's output when one fails. */
export function prebuildBundledCrates(): void {
  for (const { folder, argv } of BUNDLED_CRATE_BUILDS) {
    const build = spawnSync('cargo', argv, { cwd: join(REPO_ROOT, folder), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    if (build.status !== 0) throw new Error(`cargo ${argv.join(' ')} (in ${folder}) exited ${build.status ?? build.signal ?? build.error?.message}, expected 0:\n${build.stderr}`);
  }
}
