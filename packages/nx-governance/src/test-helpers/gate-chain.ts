import { readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { appendGateRecord, writeTaskEvidence } from '../lib/evidence/gate-store';
import { pruneEvidence, type PruneOptions } from '../lib/evidence/prune-evidence';
import { runGit } from '../lib/git/git';
import { verifyEvidence } from '../lib/evidence/verify-evidence';
import { defaultGovernanceSettings } from '../lib/schemas/governance';
import { record } from './spoofing';
import { writeFiles } from './temp-workspace';

/** A gate's chain as runs leave it, and what Nx does to it, for the prune and chain specs. */
export const settings = defaultGovernanceSettings();
export const GATE = 'VG-PRUNE-001';
export const FOLDER = `evidence/gates/${GATE}`;
export const recordBase = (n: number) => `${FOLDER}/records/${String(n).padStart(6, '0')}-${GATE}`;

/** `runs` runs of the gate in a git repository, each with a step log and task hash `hash-<run>`; task evidence copies run 2. */
export function writeGateRuns(root: string, runs: number): void {
  runGit(root, ['init', '-q']);
  for (let run = 1; run <= runs; run++) {
    const log = `${FOLDER}/logs/run${run}-step1.log`;
    writeFiles(root, { [log]: `output of run ${run}\n` });
    const { sequence: _s, previousDigest: _p, ...rest } = record('plain');
    const step = { label: 'test', argv: ['node', 'test'], durationMs: 1, exitCode: 0, log };
    const producedBy = { host: hostname(), checkout: root, runnerPid: 1 };
    const { evidence } = appendGateRecord(root, settings, { ...rest, gate: GATE, title: GATE, result: 'pass', git: { ...rest.git, commit: undefined }, steps: [step], taskHash: `hash-${run}`, producedBy });
    if (run === 2) writeTaskEvidence(root, settings, evidence, { milestone: 'M1', task: 'M1-T01' });
  }
}

export function prune(root: string, options: Partial<PruneOptions> = {}) {
  return pruneEvidence(root, settings, { keep: 2, apply: true, by: 'tester', at: '2026-11-26T00:00:00.000Z', ...options });
}

export function verify(root: string, currentHashes?: Record<string, string>) {
  return verifyEvidence(root, settings, { policy: { publicKeys: [], required: false, keysFolder: 'governance/keys' }, currentHashes });
}

export function problems(root: string, currentHashes?: Record<string, string>): string[] {
  return verify(root, currentHashes).problems.map((p) => `${p.file}: ${p.kind}: ${p.message}`);
}

/** What a cache entry of run `n` holds of the gate's outputs: latest as run `n` left it, and its record. */
export function saveRun(root: string, n: number): Map<string, Buffer> {
  const read = (file: string) => readFileSync(join(root, file));
  return new Map([
    [`${FOLDER}/latest.json`, read(`${recordBase(n)}.json`)],
    [`${FOLDER}/latest.md`, read(`${recordBase(n)}.md`)],
    [`${recordBase(n)}.json`, read(`${recordBase(n)}.json`)],
    [`${recordBase(n)}.md`, read(`${recordBase(n)}.md`)],
  ]);
}

/** What Nx does on a cache hit: writes the entry's files back, leaving the others alone. */
export function restoreRun(root: string, saved: Map<string, Buffer>): void {
  for (const [file, content] of saved) writeFileSync(join(root, file), content);
}
