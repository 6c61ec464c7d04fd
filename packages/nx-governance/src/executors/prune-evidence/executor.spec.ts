import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import { appendGateRecord } from '../../lib/evidence/gate-store';
import { defaultGovernanceSettings } from '../../lib/schemas/governance';
import { captureConsole, executorContext } from '../../test-helpers/executor-context';
import { record } from '../../test-helpers/spoofing';
import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace } from '../../test-helpers/temp-workspace';
import pruneEvidenceExecutor from './executor';

const RECORDS = 'evidence/gates/VG-CONTRACT-001/records';

describe('prune-evidence executor', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  let context: ExecutorContext;
  const run = async (options: { keep: number; apply: boolean; json?: string }) => {
    const output = captureConsole();
    const result = await pruneEvidenceExecutor(options, context);
    output.restore();
    return { ...result, output: output.text() };
  };
  beforeEach(() => {
    workspace = makeTempWorkspace();
    copyBundledGovernance(workspace.root);
    spawnSync('git', ['init', '-q'], { cwd: workspace.root });
    const { sequence: _s, previousDigest: _p, ...rest } = record('plain');
    for (let run = 1; run <= 3; run++) appendGateRecord(workspace.root, defaultGovernanceSettings(), { ...rest, gate: 'VG-CONTRACT-001', git: { ...rest.git, commit: undefined } });
    context = { ...executorContext(workspace.root, Object.fromEntries(BUNDLED_PROJECTS)), targetName: 'prune-evidence' };
  });
  afterEach(() => workspace.cleanup());

  it('dry-runs by default and says how to apply; with --apply deletes and reports as JSON', async () => {
    const dry = await run({ keep: 1, apply: false });
    expect(dry.success).toBe(true);
    expect(dry.output).toMatch(/gates\/VG-CONTRACT-001: kept 1, would prune 2 \(4 file\(s\), [\d.]+ kB\)/);
    expect(dry.output).toContain('Dry run: nothing was deleted. To delete, run nx run governance:prune-evidence --keep=1 --apply');
    expect(existsSync(join(workspace.root, RECORDS, '000001-VG-CONTRACT-001.json'))).toBe(true);
    const applied = await run({ keep: 1, apply: true, json: 'reports/prune.json' });
    expect(applied.success).toBe(true);
    expect(applied.output).toMatch(/gates\/VG-CONTRACT-001: kept 1, pruned 2 \(4 file\(s\), [\d.]+ kB\)/);
    expect(existsSync(join(workspace.root, RECORDS, '000001-VG-CONTRACT-001.json'))).toBe(false);
    const report = JSON.parse(readFileSync(join(workspace.root, 'reports/prune.json'), 'utf8'));
    expect(report).toMatchObject({ kind: 'nx-governance/prune-evidence', ok: true, applied: true, keep: 1, histories: [{ history: 'gates/VG-CONTRACT-001', kept: 1, pruned: 2 }] });
  });

  it('refuses --keep below 1, and fails when git cannot say what it tracks', async () => {
    expect(await run({ keep: 0, apply: true })).toMatchObject({ success: false, output: expect.stringContaining('--keep: found 0, expected a whole number of records of at least 1') });
    spawnSync('rm', ['-rf', join(workspace.root, '.git')]);
    const failed = await run({ keep: 1, apply: true });
    expect(failed.success).toBe(false);
    expect(failed.output).toMatch(/found no answer from git, expected the list of evidence it tracks \(tracked evidence is never pruned\); nothing was deleted/);
    expect(existsSync(join(workspace.root, RECORDS, '000001-VG-CONTRACT-001.json'))).toBe(true);
  });
});
