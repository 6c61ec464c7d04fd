import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { insideWorkspaceOrThrow } from '../fs/inside-workspace';
import { writeFileAtomically } from '../fs/write-file-atomically';
import { diskFileReader } from '../workspace/file-reader';
import type { TaskCopy } from './evidence-schemas';
import { DIGEST_ONLY, readEvidenceOfKind, taskContextDigest } from './read-evidence';
import type { GovernanceSettings } from '../schemas/governance';
import { envelopeFor, gateStatement } from './dsse';
import { withFileLock } from './file-lock';
import type { GateEvidence, GateRecord } from './gate-record';
import { renderGateMarkdown } from './render-gate-markdown';
import { gateFolder, gateRecordName, gateRecordsFolder, taskCopyBase } from './evidence-layout';
import { canonicalJson, sha256 } from './seal-record';

export interface TaskContext {
  date: string;
  milestone: string;
  task: string;
  releaseClass?: string;
}

/** `evidence/gates/<gate>` (evidence-layout's `gateFolder`). */
export const gateEvidenceFolder = gateFolder;
/** A record's file name in its chain, without extension (evidence-layout's `gateRecordName`). */
export const recordFileName = gateRecordName;
export { taskCopyBase } from './evidence-layout';

export function sealGateEvidence(record: GateRecord, signingKeyPem?: string): GateEvidence {
  const digest = sha256(canonicalJson(record));
  return { kind: 'nx-governance/gate-evidence', formatVersion: 1, record, digest, envelope: envelopeFor(gateStatement(record, digest), signingKeyPem) };
}

/** The chain's record files in order, temp files from interrupted writes left out. */
export function listChainFiles(root: string, settings: GovernanceSettings, gate: string): string[] {
  const dir = join(root, gateRecordsFolder(settings, gate));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d{6}-.*\.json$/.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** The chain's newest record, checked; an intact chain is the only one a record may extend. */
function newestRecord(root: string, settings: GovernanceSettings, gate: string): GateEvidence | undefined {
  const reader = diskFileReader(root);
  const chain = listChainFiles(root, settings, gate);
  if (!chain.length) return undefined;
  const file = relative(root, chain[chain.length - 1]).split(sep).join('/');
  // Signatures are the readers' concern: a chain begun before a key was committed must still grow.
  const newest = readEvidenceOfKind(reader, file, DIGEST_ONLY, 'nx-governance/gate-evidence');
  if (!newest.ok) throw new Error(`${newest.file}: ${newest.problem}: ${newest.message}; the chain cannot be extended until verify-evidence passes`);
  return newest.value;
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
  const folder = insideWorkspaceOrThrow(root, gateEvidenceFolder(settings, record.gate), settings.paths.evidence);
  const recordsDir = insideWorkspaceOrThrow(root, gateRecordsFolder(settings, record.gate), settings.paths.evidence);
  mkdirSync(recordsDir, { recursive: true });
  return withFileLock(join(folder, '.lock'), () => {
    removeStrayTempFiles(recordsDir);
    removeStrayTempFiles(folder);
    const last = newestRecord(root, settings, record.gate);
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
 * (`2026-02-19/milestone-M6/M6-T01-VG-CONTRACT-001.md` and `.json`), filed
 * under the day the gate ran, adding `-r2`, `-r3`… so that nothing is ever
 * overwritten. A copy of the same record for the same task is written once:
 * a gate run that only restored its gates adds no files, and what it writes
 * is the same on every machine, so Nx can cache and restore it.
 */
export function writeTaskEvidence(root: string, settings: GovernanceSettings, evidence: GateEvidence, task: Omit<TaskContext, 'date'>): string {
  const context: TaskContext = { ...task, date: recordDay(evidence) };
  const base = insideWorkspaceOrThrow(root, taskCopyBase(settings, evidence.record.gate, context), settings.paths.evidence);
  mkdirSync(dirname(base), { recursive: true });
  return withFileLock(`${base}.lock`, () => {
    // The record (and its digest) is the gate's; the context says which task this copy is for, sealed with the record's digest.
    const copy = taskCopyOf(evidence, context);
    let candidate = base;
    for (let run = 2; existsSync(`${candidate}.md`) || existsSync(`${candidate}.json`); run++) {
      if (isSameCopy(`${candidate}.json`, copy)) {
        if (!existsSync(`${candidate}.md`)) writeFileAtomically(`${candidate}.md`, renderTaskCopyMarkdown(copy));
        return `${candidate}.md`;
      }
      candidate = `${base}-r${run}`;
    }
    writeFileAtomically(`${candidate}.json`, `${JSON.stringify(copy, null, 2)}\n`);
    writeFileAtomically(`${candidate}.md`, renderTaskCopyMarkdown(copy));
    return `${candidate}.md`;
  });
}

/** The UTC day a gate's record was made: the day its task copies are filed under, whenever they are written. */
export function recordDay(evidence: GateEvidence): string {
  return evidence.record.startedAt.slice(0, 10);
}

function isSameCopy(file: string, copy: TaskCopy): boolean {
  try {
    const existing = JSON.parse(readFileSync(file, 'utf8')) as Partial<TaskCopy>;
    return existing.digest === copy.digest && existing.contextDigest === copy.contextDigest;
  } catch {
    return false;
  }
}

/** A task's copy of a gate's evidence: the record as sealed, and which task it is for, sealed with it. */
export function taskCopyOf(evidence: GateEvidence, context: TaskContext): TaskCopy {
  const sealedContext = { date: context.date, task: context.task, milestone: context.milestone, ...(context.releaseClass ? { releaseClass: context.releaseClass } : {}) };
  return { ...evidence, kind: 'nx-governance/task-evidence', context: sealedContext, contextDigest: taskContextDigest(sealedContext, evidence.digest) };
}

/** The markdown of a task copy, from its JSON alone: what verify-evidence re-renders. */
export function renderTaskCopyMarkdown(copy: TaskCopy): string {
  const { kind: _kind, context, contextDigest: _contextDigest, ...evidence } = copy;
  return renderGateMarkdown({ ...evidence, kind: 'nx-governance/gate-evidence' }, context);
}
