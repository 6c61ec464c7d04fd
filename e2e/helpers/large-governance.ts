import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CompatClassification } from '../../packages/nx-governance/src/lib/compat/compat-result';
import { sealRecord } from '../../packages/nx-governance/src/lib/evidence/seal-record';

/** The size the page must stay light at: 50 consumers by 30 core releases. */
export const LARGE_SIZE = { consumers: 50, releases: 30 };

export const SCRIPT_TITLE = '<script>window.__injected = 1</script> Governance data is valid';

/** The core releases of the large workspace: the bundled 0.4.0 and 0.4.2, then one minor line a week. */
export function largeReleases(count: number): Array<{ version: string; date: string }> {
  const start = Date.parse('2026-03-01T00:00:00Z');
  const extra = Array.from({ length: count - 2 }, (_, i) => ({ version: `0.${i + 5}.0`, date: new Date(start + i * 7 * 86_400_000).toISOString().slice(0, 10) }));
  return [{ version: '0.4.0', date: '2026-01-15' }, { version: '0.4.2', date: '2026-02-19' }, ...extra];
}

const RESULTS: CompatClassification[] = ['pass', 'pass', 'pass', 'regressed', 'fixed', 'spurious', 'still-failing', 'pass'];

/**
 * Turns a workspace holding the bundled governance (files written through
 * `write`, relative to `root`) into a large one: `consumers` consumers (the
 * bundled three and synthetic ones declared in their own folders), `releases`
 * core releases all in the support window, and a sealed compatibility result
 * for most pairs (some left untested), so the matrix has every tier and each
 * consumer a history. A gate's title holds a `<script>`, which must show as text.
 */
export function writeLargeGovernance(root: string, size = LARGE_SIZE): void {
  const write = (path: string, content: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  };
  const read = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const compat = read('governance/compatibility.json');
  const releases = largeReleases(size.releases);
  compat.releases = releases;
  compat.policy.supportWindow = { latestMinors: size.releases };
  write('governance/compatibility.json', `${JSON.stringify(compat, null, 2)}\n`);
  const gates = read('governance/gates.json');
  gates.gates.find((g: { id: string }) => g.id === 'VG-GOVERNANCE-001').title = SCRIPT_TITLE;
  write('governance/gates.json', `${JSON.stringify(gates, null, 2)}\n`);
  const consumers: string[] = compat.consumers.map((c: { name: string }) => c.name);
  for (let n = 1; consumers.length < size.consumers; n++) {
    const name = `c-${String(n).padStart(2, '0')}`;
    write(`synthetic/${name}/pyproject.toml`, `[project]\nname = "${name}"\nversion = "1.0.${n}"\n`);
    write(`synthetic/${name}/governance.consumer.json`, JSON.stringify({ name, project: name, language: 'python', test: { argv: ['python3', '-c', 'pass'] } }, null, 2));
    consumers.push(name);
  }
  consumers.forEach((consumer, i) => {
    releases.forEach((release, j) => {
      if ((i + j) % 11 === 10) return; // untested
      const result = RESULTS[(i * 3 + j) % RESULTS.length];
      const at = new Date(Date.parse(`${release.date}T12:00:00Z`) + i * 60_000).toISOString();
      const verdict = result === 'pass' || result === 'fixed' ? 'pass' : result === 'spurious' ? 'spurious' : 'fail';
      const record = sealRecord({
        kind: 'nx-governance/compat-result',
        formatVersion: 1,
        consumer,
        project: consumer,
        tuple: { core: { project: 'loop', version: release.version, dirty: false }, consumer: { name: consumer, dirty: false } },
        result,
        outcome: verdict,
        reason: `${result} against ${release.version}`,
        durationMs: 1,
        startedAt: at,
        finishedAt: at,
      });
      write(`evidence/compat/${consumer}/results/${at.replace(/[:.]/g, '-')}-${release.version}.json`, `${JSON.stringify(record, null, 2)}\n`);
    });
  });
}
