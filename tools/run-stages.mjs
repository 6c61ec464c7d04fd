// Runs the npm scripts named on the command line in order, each one even when an earlier one
// failed (an early unit failure must not hide the end-to-end results), then prints one line per
// stage and exits 1 when any failed.
import { spawnSync } from 'node:child_process';

const stages = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = stages.map((stage) => {
  const started = Date.now();
  const run = spawnSync(npm, ['run', stage], { stdio: 'inherit' });
  const code = run.status ?? 1;
  return { stage, code, seconds: ((Date.now() - started) / 1000).toFixed(0) };
});
console.log('\nStages:');
for (const { stage, code, seconds } of results) console.log(`  ${code === 0 ? 'pass' : `FAIL (exit ${code})`}  ${stage}  ${seconds}s`);
const failed = results.filter((r) => r.code !== 0).map((r) => r.stage);
if (failed.length) console.log(`${failed.length} of ${results.length} stage(s) failed: ${failed.join(', ')}`);
process.exit(failed.length ? 1 : 0);
