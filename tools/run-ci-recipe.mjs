// Runs on this repository the governance job of the CI recipe `init --ci` writes: the same
// commands, from the same function the generated workflow is rendered from (the built plugin's
// governanceCiCommands), in order, each one even when an earlier one failed, as the recipe does.
// Then checks that the run modified no file git tracks (what a newcomer's first gate run must not
// do either). Exits 1 when any failed. The base is NX_BASE (the previous commit when unset), the head HEAD.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { governanceCiCommands } = require(join(root, 'packages/nx-governance/dist/lib/ci/ci-recipe.js'));

const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.trim();
const env = { ...process.env, NX_BASE: process.env.NX_BASE || git('rev-parse', 'HEAD~1'), NX_HEAD: process.env.NX_HEAD || git('rev-parse', 'HEAD') };
const commands = governanceCiCommands({ project: 'governance', packageManager: { name: 'npm', install: 'npm ci', exec: 'npx' } }, 'file');
const results = commands.map((command) => {
  console.log(`\n$ ${command}`);
  const [exec, ...args] = command.split(' ');
  const run = spawnSync(exec, args, { cwd: root, env, stdio: 'inherit' });
  return { command, code: run.status ?? 1 };
});
const modified = git('status', '--porcelain', '--untracked-files=no');
results.push({ command: 'git status: no tracked file modified by the run', code: modified ? 1 : 0 });
if (modified) console.log(`\nThe run modified tracked files:\n${modified}`);
console.log('\nThe CI recipe on this repository:');
for (const { command, code } of results) console.log(`  ${code === 0 ? 'pass' : `FAIL (exit ${code})`}  ${command}`);
const failed = results.filter((r) => r.code !== 0);
console.log(`The CI recipe: ${results.length - failed.length} of ${results.length} checks passed.`);
process.exit(failed.length ? 1 : 0);
