import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeFileAtomically } from '../fs/write-file-atomically';
import type { GovernanceSettings } from '../schemas/governance';
import { envelopeFor, gateStatement } from './dsse';
import { withFileLock } from './file-lock';
import type { GateEvidence, GateRecord } from './gate-record';
import { renderGateMarkdown } from './render-gate-markdown';
import { canonicalJson, sha256 } from './seal-record';

/** `evidence/gates/<gate>`: the gate's chain of records and its latest record. */
export function gateEvidenceFolder(settings: GovernanceSettings, gate: string): string {
  return `${settings.paths.evidence}/gates/${gate}`;
}

export function recordFileName(record: Pick<GateRecord, 'sequence' | 'gate'>): string {
  return `${String(record.sequence).padStart(6, '0')}-${record.gate}`;
}

export function sealGateEvidence(record: GateRecord, signingKeyPem?: string): GateEvidence {
  const digest = sha256(canonicalJson(record));
  return { kind: 'nx-governance/gate-evidence', formatVersion: 1, record, digest, envelope: envelopeFor(gateStatement(record, digest), signingKeyPem) };
}

/** The chain's record files in order, temp files from interrupted writes left out. */
export function listChainFiles(root: string, settings: GovernanceSettings, gate: string): string[] {
  const dir = join(root, gateEvidenceFolder(settings, gate), 'records');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d{6}-.*\.json$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

export function readEvidenceFile(path: string): GateEvidence {
  return JSON.parse(readFileSync(path, 'utf8')) as GateEvidence;
}

/** Temp files left by a killed writer: never evidence, removed when a writer next holds the lock. */
function removeStrayTempFiles(dir: string): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.startsWith('.') && name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
}

/**
 * Appends a record to the gate's chain: numbers it, links it to the previous
 * record's digest, seals and (with a key) signs it, writes it and the
 * `latest` copy atomically. A lock keeps two concurrent runs' chains linear.
 */
export function appendGateRecord(
  root: string,
  settings: GovernanceSettings,
  record: Omit<GateRecord, 'sequence' | 'previousDigest'>,
  signingKeyPem?: string,
): { evidence: GateEvidence; file: string } {
  const folder = join(root, gateEvidenceFolder(settings, record.gate));
  const recordsDir = join(folder, 'records');
  mkdirSync(recordsDir, { recursive: true });
  return withFileLock(join(folder, '.lock'), () => {
    removeStrayTempFiles(recordsDir);
    removeStrayTempFiles(folder);
    const chain = listChainFiles(root, settings, record.gate);
    const last = chain.length ? readEvidenceFile(chain[chain.length - 1]) : undefined;
    const full: GateRecord = { ...record, sequence: (last?.record.sequence ?? 0) + 1, previousDigest: last?.digest ?? null };
    const evidence = sealGateEvidence(full, signingKeyPem);
    const json = `${JSON.stringify(evidence, null, 2)}\n`;
    const markdown = renderGateMarkdown(evidence);
    const base = join(recordsDir, recordFileName(full));
    writeFileAtomically(`${base}.md`, markdown);
    writeFileAtomically(`${base}.json`, json);
    writeFileAtomically(join(folder, 'latest.md'), markdown);
    writeFileAtomically(join(folder, 'latest.json'), json);
    return { evidence, file: `${base}.json` };
  });
}

/**
 * Writes a task's copy of a gate's evidence where the evidence pattern says
 * (`2026-02-19/milestone-M6/M6-T01-VG-CONTRACT-001.md` and `.json`), adding
 * `-r2`, `-r3`… so that nothing is ever overwritten.
 */
export function writeTaskEvidence(
  root: string,
  settings: GovernanceSettings,
  evidence: GateEvidence,
  context: { date: string; milestone: string; task: string; releaseClass?: string },
): string {
  const relative = settings.evidencePattern
    .replace('{date}', context.date)
    .replace('{milestone}', context.milestone)
    .replace('{task}', context.task)
    .replace('{gate}', evidence.record.gate);
  const base = join(root, settings.paths.evidence, relative.replace(/\.md$/, ''));
  mkdirSync(dirname(base), { recursive: true });
  return withFileLock(`${base}.lock`, () => {
    let candidate = base;
    for (let run = 2; existsSync(`${candidate}.md`) || existsSync(`${candidate}.json`); run++) candidate = `${base}-r${run}`;
    // The record (and its digest) is the gate's; the context says which task this copy is for.
    const copy = { ...evidence, context: { task: context.task, milestone: context.milestone, releaseClass: context.releaseClass } };
    writeFileAtomically(`${candidate}.json`, `${JSON.stringify(copy, null, 2)}\n`);
    writeFileAtomically(`${candidate}.md`, renderGateMarkdown(evidence, context));
    return `${candidate}.md`;
  });
}
