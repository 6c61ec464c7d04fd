import { sha256 } from './seal-record';
import { z } from 'zod';
import { parseDataFile } from '../schemas/parse-data-file';
import { formatDiagnostic } from '../diagnostics';

export const IMPORTED_EVIDENCE_FILE = 'imported-evidence.json';

const importedEvidence = z.strictObject({
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  kind: z.enum(['markdown', 'text', 'json', 'log']),
  date: z.string().optional(),
  tasks: z.array(z.string()),
  gates: z.array(z.string()).min(1),
  result: z.enum(['pass', 'fail', 'blocked', 'unknown']),
  resultFrom: z.enum(['header', 'json', 'runner summary', 'summary table', 'nothing']),
  imported: z.literal(true),
  sealed: z.literal(false),
});

export const importedEvidenceIndexSchema = z.strictObject({
  kind: z.literal('nx-governance/imported-evidence'),
  folder: z.string().min(1).meta({ description: 'The evidence folder that was indexed.' }),
  entries: z.array(importedEvidence),
});

export type ImportedEvidence = z.output<typeof importedEvidence>;
export type ImportedResult = ImportedEvidence['result'];
export type ImportedEvidenceIndex = z.output<typeof importedEvidenceIndexSchema>;

export type LoadedImportedEvidence = { ok: true; index: ImportedEvidenceIndex } | { ok: false; reason: string };

const EMPTY: ImportedEvidenceIndex = { kind: 'nx-governance/imported-evidence', folder: '-', entries: [] };


/** The index `import` wrote beside governance.json; an absent index is an empty one, a broken one is a failure. */
export function loadImportedEvidence(reader: { read(path: string): string | undefined }, governanceDir: string): LoadedImportedEvidence {
  const file = `${governanceDir}/${IMPORTED_EVIDENCE_FILE}`;
  const text = reader.read(file);
  if (text === undefined) return { ok: true, index: EMPTY };
  const parsed = parseDataFile(file, text, importedEvidenceIndexSchema);
  return parsed.ok ? { ok: true, index: parsed.data } : { ok: false, reason: parsed.diagnostics.map(formatDiagnostic).join('\n') };
}

/** Later runs of the same day sort after the first: `-r2`, `-r3`, `-rerun`. */
function runNumber(file: string): number {
  const numbered = /-r(\d+)(?=[.-])/.exec(file);
  if (numbered) return Number(numbered[1]);
  return /-rerun(?=[.-])/.test(file) ? 2 : 1;
}

/**
 * The newest imported evidence of a gate that states a result (the newest of
 * all when none does), for a task when given: evidence that names the task, or
 * names no task at all (a review folder, a weekly run).
 */
export function latestImportedEvidence(index: ImportedEvidenceIndex, gate: string, task?: string): ImportedEvidence | undefined {
  const matching = index.entries.filter((e) => e.gates.includes(gate) && (task === undefined || e.tasks.length === 0 || e.tasks.includes(task)));
  // A record that states no result says nothing about the gate: it must not hide an older one that does.
  const stated = matching.filter((e) => e.result !== 'unknown');
  const candidates = stated.length ? stated : matching;
  // On the same day, the run that names the task says more about it than a summary or a raw log.
  const specific = (e: ImportedEvidence) => (task !== undefined && e.tasks.includes(task) ? 1 : 0);
  return candidates
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || specific(a) - specific(b) || runNumber(a.file) - runNumber(b.file) || a.file.localeCompare(b.file))
    .pop();
}

/** The newest imported evidence of the gate (and task) when it passed; empty otherwise. */
export function passingImportedEvidence(index: ImportedEvidenceIndex, gate: string, task?: string): ImportedEvidence[] {
  const latest = latestImportedEvidence(index, gate, task);
  return latest?.result === 'pass' ? [latest] : [];
}

/** Dates of every passing imported evidence of a gate, for the cadence. */
export function importedPassDates(index: ImportedEvidenceIndex, gate: string): string[] {
  return index.entries.filter((e) => e.gates.includes(gate) && e.result === 'pass' && e.date).map((e) => e.date as string);
}

/** Imported files that changed or went since the import: their evidence no longer says what was indexed. */
export function changedImportedEvidence(reader: { read(path: string): string | undefined }, index: ImportedEvidenceIndex): Array<{ file: string; why: string }> {
  const changed: Array<{ file: string; why: string }> = [];
  for (const entry of index.entries) {
    const text = reader.read(entry.file);
    if (text === undefined) changed.push({ file: entry.file, why: 'missing: the file was removed after import' });
    else if (sha256(text) !== entry.sha256) {
      changed.push({ file: entry.file, why: `changed after import: sha256 ${entry.sha256.slice(0, 12)}… at import, ${sha256(text).slice(0, 12)}… now` });
    }
  }
  return changed;
}
