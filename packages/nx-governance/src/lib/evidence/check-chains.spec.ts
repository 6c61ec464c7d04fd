import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER, GATE, problems, prune, recordBase, restoreRun, saveRun, settings, verify, writeGateRuns } from '../../test-helpers/gate-chain';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { appendGateRecord } from './gate-store';

describe('checkChains after a prune, and after Nx restores an older run', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ root, cleanup } = makeTempWorkspace());
    writeGateRuns(root, 5);
  });
  afterEach(() => cleanup());

  it('a pruned chain verifies from its anchor (without anchors it reads as a chain with records 1 to 3 missing)', () => {
    expect(prune(root).ok).toBe(true);
    expect(problems(root)).toEqual([]);
  });

  it('an edited anchor, or records missing after it, fail verification', () => {
    prune(root);
    const file = join(root, FOLDER, 'records/anchor-000004.json');
    const anchor = readFileSync(file, 'utf8');
    writeFileSync(file, anchor.replace('"pruned": 3', '"pruned": 2'));
    expect(problems(root)).toContain(`${FOLDER}/records/anchor-000004.json: tampered: the record does not match its sha256 digest`);
    writeFileSync(file, anchor);
    rmSync(join(root, `${recordBase(4)}.json`));
    rmSync(join(root, `${recordBase(4)}.md`));
    expect(problems(root)).toEqual(expect.arrayContaining([expect.stringContaining(`${recordBase(5)}.json: broken-chain: record 5 stands at position 4 of the chain (which starts at record 4`)]));
  });

  it('a record older than the anchor that comes back (Nx restores records/*) is history: no problem, a notice', () => {
    const run1 = saveRun(root, 1);
    prune(root);
    restoreRun(root, new Map([...run1].filter(([file]) => file.includes('/records/'))));
    const report = verify(root);
    expect(report.problems).toEqual([]);
    expect(report.notices).toContain(
      `${FOLDER}/records: 2 record(s) before the anchor anchor-000004.json are history, not chain (restored by Nx from its cache, or kept because evidence names them): 000001, 000002; prune-evidence removes those nothing names`,
    );
  });

  it('a latest that Nx restored from an older run verifies while the inputs are that run\'s, and is stale otherwise', () => {
    restoreRun(root, saveRun(root, 1));
    expect(problems(root, { [GATE]: 'hash-1' })).toEqual([]);
    expect(problems(root, { [GATE]: 'hash-5' })).toContain(`${FOLDER}/latest.json: stale: made for Nx task hash hash-1, but the gate's inputs now hash to hash-5: run the gate again`);
    // Without the hash Nx computes now, an older latest cannot be told from a rolled-back one.
    expect(problems(root)).toContain(`${FOLDER}/latest.json: broken-chain: latest is record 1, expected the chain's newest record 5`);
  });

  it('an older latest is refused when a newer run had the same inputs: Nx would have restored that one', () => {
    const run1 = saveRun(root, 1);
    const { sequence: _s, previousDigest: _p, ...first } = JSON.parse(run1.get(`${recordBase(1)}.json`)?.toString() ?? '{}').record;
    appendGateRecord(root, settings, { ...first, result: 'fail' });
    expect(problems(root, { [GATE]: 'hash-1' })).toEqual([]);
    restoreRun(root, run1);
    expect(problems(root, { [GATE]: 'hash-1' })).toContain(`${FOLDER}/latest.json: broken-chain: latest is record 1, expected the chain's newest record 6`);
  });

  it('the same after a prune: the restored record is history, latest copies it, and it verifies', () => {
    const run1 = saveRun(root, 1);
    prune(root);
    restoreRun(root, run1);
    expect(problems(root, { [GATE]: 'hash-1' })).toEqual([]);
  });
});
