import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER, GATE, problems as problemsIn, prune as pruneIn, recordBase as records, restoreRun, saveRun, verify as verifyIn, writeGateRuns } from '../../test-helpers/gate-chain';
import { writeCompatEvidence } from '../../test-helpers/release-evidence';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import type { PruneOptions } from './prune-evidence';
import { renderPruneSummary } from './prune-summary';

describe('pruneEvidence', () => {
  let root: string;
  let cleanup: () => void;
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' });
  const prune = (options: Partial<PruneOptions> = {}) => pruneIn(root, options);
  const verify = () => verifyIn(root);
  const problems = (currentHashes?: Record<string, string>) => problemsIn(root, currentHashes);
  const recordFiles = () => readdirSync(join(root, FOLDER, 'records')).sort();

  /** Five runs of the gate, each with a step log; task evidence copies run 2. */
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace());
    writeGateRuns(root, 5);
  });
  afterEach(() => cleanup());

  it('a dry run names what would go and deletes nothing', () => {
    const before = recordFiles();
    const result = prune({ apply: false });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(recordFiles()).toEqual(before);
    expect(renderPruneSummary(result, 'nx run governance:prune-evidence --keep=2 --apply')).toEqual([
      expect.stringMatching(new RegExp(`^gates/${GATE}: kept 2, would prune 2 \\(6 file\\(s\\), \\d+\\.\\d kB\\)$`)),
      `  ${records(2)}.json: kept outside the history: task evidence is a copy of it`,
      expect.stringMatching(/^Total: would prune 2 record\(s\) of 1 history\(ies\), 6 file\(s\), \d+\.\d kB; keeping the newest 2 of each\.$/),
      'Dry run: nothing was deleted. To delete, run nx run governance:prune-evidence --keep=2 --apply',
    ]);
  });

  it('keeps the newest records, what task evidence names and latest; the pruned chain still verifies from its anchor', () => {
    expect(problems()).toEqual([]);
    const result = prune();
    expect(result.ok && result.histories.map((h) => [h.kept, h.pruned, h.remove])).toEqual([
      [2, 2, [`${records(1)}.json`, `${records(1)}.md`, `${FOLDER}/logs/run1-step1.log`, `${records(3)}.json`, `${records(3)}.md`, `${FOLDER}/logs/run3-step1.log`]],
    ]);
    expect(recordFiles()).toEqual([`000002-${GATE}.json`, `000002-${GATE}.md`, `000004-${GATE}.json`, `000004-${GATE}.md`, `000005-${GATE}.json`, `000005-${GATE}.md`, 'anchor-000004.json']);
    const anchor = JSON.parse(readFileSync(join(root, FOLDER, 'records/anchor-000004.json'), 'utf8'));
    expect(anchor).toMatchObject({ kind: 'nx-governance/chain-anchor', gate: GATE, firstSequence: 4, pruned: 3, prunedBy: 'tester' });
    expect(problems()).toEqual([]);
  });

  it('the next prune removes a record older than the anchor that Nx restored', () => {
    const run1 = saveRun(root, 1);
    prune();
    restoreRun(root, new Map([...run1].filter(([file]) => file.includes('/records/'))));
    expect(verify().problems).toEqual([]);
    const again = prune();
    expect(again.ok && again.histories[0].remove).toEqual([`${records(1)}.json`, `${records(1)}.md`]);
    expect(existsSync(join(root, `${records(1)}.json`))).toBe(false);
  });

  it('keeps a restored record that latest copies, out of the chain', () => {
    const run1 = saveRun(root, 1);
    prune();
    restoreRun(root, run1);
    const again = prune();
    expect(again.ok && again.histories[0].pinned).toEqual(expect.arrayContaining([{ file: `${records(1)}.json`, why: 'latest.json is a copy of it' }]));
    expect(problems({ [GATE]: 'hash-1' })).toEqual([]);
  });

  it('fails closed when git cannot answer: nothing is deleted', () => {
    spawnSync('rm', ['-rf', join(root, '.git')]);
    const before = recordFiles();
    const result = prune();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]).toMatch(/^evidence: git ls-files: .*found no answer from git, expected the list of evidence it tracks .*nothing was deleted$/);
    expect(recordFiles()).toEqual(before);
  });

  it('refuses a history folder that is a symlink, which could point a delete anywhere', () => {
    spawnSync('mv', [join(root, FOLDER, 'logs'), join(root, 'elsewhere')]);
    spawnSync('ln', ['-s', join(root, 'elsewhere'), join(root, FOLDER, 'logs')]);
    const result = prune();
    expect(!result.ok && result.problems[0]).toBe(`${FOLDER}/logs: found a symlink inside the evidence folder, expected a real folder or file; the chain of ${GATE} is left as it is (verify-evidence names every problem)`);
    expect(readdirSync(join(root, 'elsewhere'))).toHaveLength(5);
  });

  it('never deletes a record git tracks', () => {
    git('add', `${records(1)}.json`);
    const result = prune();
    expect(result.ok && result.histories[0].pinned.map((p) => p.file)).toEqual([`${records(1)}.json`, `${records(2)}.json`]);
    expect(existsSync(join(root, `${records(1)}.json`))).toBe(true);
    expect(problems()).toEqual([]);
  });

  it('leaves a chain that does not verify as it is, and deletes nothing anywhere', () => {
    spawnSync('rm', [join(root, `${records(3)}.json`), join(root, `${records(3)}.md`)]);
    const before = recordFiles();
    const result = prune();
    expect(!result.ok && result.problems).toEqual([
      `${records(4)}.json: broken-chain: record 4 stands at position 3 of the chain (a record is missing, moved or swapped); the chain of ${GATE} is left as it is (verify-evidence names every problem)`,
      expect.stringContaining(`${records(4)}.json: broken-chain: previous digest`),
      expect.stringContaining(`${records(5)}.json: broken-chain: record 5 stands at position 4`),
    ]);
    expect(recordFiles()).toEqual(before);
  });

  it("trims each consumer's result history to the newest results, the one latest copies kept", () => {
    const results = 'evidence/compat/agent/results';
    for (let run = 1; run <= 4; run++) writeCompatEvidence(root, 'agent', 'abc', 'pass', `2026-01-0${run}T00:00:00.000Z`);
    // latest copies the oldest: as after Nx restored that run's outputs.
    writeFileSync(join(root, 'evidence/compat/agent/latest.json'), readFileSync(join(root, results, '2026-01-01T00-00-00-000Z-unversioned.json')));
    const result = prune({ keep: 1 });
    const compat = result.ok ? result.histories.find((h) => h.history === 'compat/agent') : undefined;
    expect(compat && [compat.kept, compat.pruned, compat.pinned.map((p) => p.why)]).toEqual([1, 2, ['latest.json is a copy of it']]);
    expect(readdirSync(join(root, results))).toEqual(['2026-01-01T00-00-00-000Z-unversioned.json', '2026-01-01T00-00-00-000Z-unversioned.md', '2026-01-04T00-00-00-000Z-unversioned.json', '2026-01-04T00-00-00-000Z-unversioned.md']);
  });
});
