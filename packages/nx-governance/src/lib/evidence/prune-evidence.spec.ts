import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { record as spoofable } from '../../test-helpers/spoofing';
import { defaultGovernanceSettings } from '../schemas/governance';
import { appendGateRecord, writeTaskEvidence } from './gate-store';
import { pruneEvidence, type PruneOptions } from './prune-evidence';
import { renderPruneSummary } from './prune-summary';
import { writeCompatEvidence } from '../../test-helpers/release-evidence';
import { verifyEvidence } from './verify-evidence';

const settings = defaultGovernanceSettings();
const GATE = 'VG-PRUNE-001';
const FOLDER = `evidence/gates/${GATE}`;
const records = (n: number) => `${FOLDER}/records/${String(n).padStart(6, '0')}-${GATE}`;

describe('pruneEvidence', () => {
  let root: string;
  let cleanup: () => void;
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: root, encoding: 'utf8' });
  const prune = (options: Partial<PruneOptions> = {}) => pruneEvidence(root, settings, { keep: 2, apply: true, by: 'tester', at: '2026-11-26T00:00:00.000Z', ...options });
  const verify = (currentHashes?: Record<string, string>) => verifyEvidence(root, settings, { policy: { publicKeys: [], required: false, keysFolder: 'governance/keys' }, currentHashes });
  const problems = (currentHashes?: Record<string, string>) => verify(currentHashes).problems.map((p) => `${p.file}: ${p.kind}: ${p.message}`);
  const recordFiles = () => readdirSync(join(root, FOLDER, 'records')).sort();

  /** Five runs of the gate, each with a step log, and task evidence copying run 2. */
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace());
    git('init', '-q');
    for (let run = 1; run <= 5; run++) {
      const log = `${FOLDER}/logs/run${run}-step1.log`;
      writeFiles(root, { [log]: `output of run ${run}\n` });
      const { sequence: _s, previousDigest: _p, ...rest } = spoofable('plain');
      const step = { label: 'test', argv: ['node', 'test'], durationMs: 1, exitCode: 0, log };
      const { evidence } = appendGateRecord(root, settings, { ...rest, gate: GATE, title: GATE, result: 'pass', git: { ...rest.git, commit: undefined }, steps: [step], taskHash: `hash-${run}`, producedBy: { host: hostname(), checkout: root, runnerPid: 1 } });
      if (run === 2) writeTaskEvidence(root, settings, evidence, { date: '2026-01-02', milestone: 'M1', task: 'M1-T01' });
    }
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

  it('a record older than the anchor that comes back (Nx restores records/*) is reported as pruned history, and the next prune removes it', () => {
    const first = readFileSync(join(root, `${records(1)}.json`));
    const firstMarkdown = readFileSync(join(root, `${records(1)}.md`));
    prune();
    writeFileSync(join(root, `${records(1)}.json`), first);
    writeFileSync(join(root, `${records(1)}.md`), firstMarkdown);
    const report = verify();
    expect(report.problems).toEqual([]);
    expect(report.notices).toContain(`${FOLDER}/records: 2 record(s) before the anchor anchor-000004.json are history, not chain (restored by Nx from its cache, or kept because evidence names them): 000001, 000002; prune-evidence removes those nothing names`);
    const again = prune();
    expect(again.ok && again.histories[0].remove).toEqual([`${records(1)}.json`, `${records(1)}.md`]);
    expect(existsSync(join(root, `${records(1)}.json`))).toBe(false);
  });

  it('an edited anchor, or records missing after it, fail verification', () => {
    prune();
    const file = join(root, FOLDER, 'records/anchor-000004.json');
    const anchor = readFileSync(file, 'utf8');
    writeFileSync(file, anchor.replace('"pruned": 3', '"pruned": 2'));
    expect(problems()).toContain(`${FOLDER}/records/anchor-000004.json: tampered: the record does not match its sha256 digest`);
    writeFileSync(file, anchor);
    spawnSync('rm', [join(root, `${records(4)}.json`), join(root, `${records(4)}.md`)]);
    expect(problems()).toEqual(expect.arrayContaining([expect.stringContaining(`${records(5)}.json: broken-chain: record 5 stands at position 4 of the chain (which starts at record 4`)]));
  });

  /** What Nx does on a cache hit for run `n`'s inputs: latest, the records and logs as they were after run `n`. */
  const restoreRun = (n: number, saved: Map<string, Buffer>) => {
    for (const [file, content] of saved) if (file.startsWith(`${records(n)}.`) || file.startsWith(`${FOLDER}/latest.`)) writeFileSync(join(root, file), content);
  };
  const saveRun = (n: number) =>
    new Map([
      [`${FOLDER}/latest.json`, readFileSync(join(root, `${records(n)}.json`))],
      [`${FOLDER}/latest.md`, readFileSync(join(root, `${records(n)}.md`))],
      [`${records(n)}.json`, readFileSync(join(root, `${records(n)}.json`))],
      [`${records(n)}.md`, readFileSync(join(root, `${records(n)}.md`))],
    ]);

  it('a latest that Nx restored from an older run verifies while the inputs are that run\'s, and is stale otherwise', () => {
    restoreRun(1, saveRun(1));
    expect(problems({ [GATE]: 'hash-1' })).toEqual([]);
    expect(problems({ [GATE]: 'hash-5' })).toContain(`${FOLDER}/latest.json: stale: recorded for Nx task hash hash-1, but the gate's inputs now hash to hash-5: run the gate again`);
    // Without the hash Nx computes now, an older latest cannot be told from a rolled-back one.
    expect(problems()).toContain(`${FOLDER}/latest.json: broken-chain: latest is record 1, expected the chain's newest record 5`);
  });

  it('the same after a prune: the restored record is history, latest copies it, and both verify', () => {
    const run1 = saveRun(1);
    prune();
    restoreRun(1, run1);
    expect(problems({ [GATE]: 'hash-1' })).toEqual([]);
    // The prune keeps what latest copies.
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
