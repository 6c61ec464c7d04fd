import type { GovernanceSettings } from '../schemas/governance';

/**
 * Where every piece of evidence lives, one function per location: readers and
 * writers ask here instead of spelling `${paths.evidence}/…` themselves, so a
 * location changes in one place. Design: docs/design/gate-run.md §4.
 *
 *   <evidence>/gates/<gate>/latest.{json,md}        the gate's newest sealed record (committed)
 *   <evidence>/gates/<gate>/records/000001-<gate>.*  its chain (local, carried by the cache)
 *   <evidence>/gates/<gate>/logs/                   step logs
 *   <evidence>/.running/                            markers of steps still running
 *   <evidence>/compat/<consumer>/{results,logs}/    compatibility results
 *   <evidence>/attestations/<gate>/                 manual gates' attestations
 *   <evidence>/releases/<version>/                  release packets
 *   <evidence>/rollback/                            rollback decisions
 *   <evidence>/<evidencePattern>                    task cards' copies of gate records
 */
export type EvidenceSettings = Pick<GovernanceSettings, 'paths'>;

export function evidenceRoot(settings: EvidenceSettings): string {
  return settings.paths.evidence;
}

/** `evidence/gates/`: prefix of every gate folder. */
export function gatesFolder(settings: EvidenceSettings): string {
  return `${settings.paths.evidence}/gates`;
}

/** `evidence/gates/<gate>`: the gate's chain of records, its latest record and its logs. */
export function gateFolder(settings: EvidenceSettings, gate: string): string {
  return `${gatesFolder(settings)}/${gate}`;
}

export function gateRecordsFolder(settings: EvidenceSettings, gate: string): string {
  return `${gateFolder(settings, gate)}/records`;
}

/** A record's file name in its chain, without extension: `000042-<gate>`. */
export function gateRecordName(record: { sequence: number; gate: string }): string {
  return `${String(record.sequence).padStart(6, '0')}-${record.gate}`;
}

/** `evidence/gates/<gate>/records/000042-<gate>.json` (or `.md`). */
export function gateRecordFile(settings: EvidenceSettings, record: { sequence: number; gate: string }, extension: 'json' | 'md' = 'json'): string {
  return `${gateRecordsFolder(settings, record.gate)}/${gateRecordName(record)}.${extension}`;
}

/** `evidence/gates/<gate>/latest.json` (or `.md`). */
export function gateLatestFile(settings: EvidenceSettings, gate: string, extension: 'json' | 'md' = 'json'): string {
  return `${gateFolder(settings, gate)}/latest.${extension}`;
}

export function gateLogsFolder(settings: EvidenceSettings, gate: string): string {
  return `${gateFolder(settings, gate)}/logs`;
}

/** `evidence/.running`: one marker per step process still running, so a killed run's steps are ended by the next. */
export function runningMarkersFolder(settings: EvidenceSettings): string {
  return `${settings.paths.evidence}/.running`;
}

/** `evidence/compat`: prefix of every consumer's folder. */
export function compatsFolder(settings: EvidenceSettings): string {
  return `${settings.paths.evidence}/compat`;
}

/** `evidence/compat/<consumer>`. */
export function compatFolder(settings: EvidenceSettings, consumer: string): string {
  return `${compatsFolder(settings)}/${consumer}`;
}

/** A consumer's newest result, the file Nx caches and restores and the evidence policy commits. */
export function compatLatestFile(settings: EvidenceSettings, consumer: string, extension: 'json' | 'md' = 'json'): string {
  return `${compatFolder(settings, consumer)}/latest.${extension}`;
}

export function compatResultsFolder(settings: EvidenceSettings, consumer: string): string {
  return `${compatFolder(settings, consumer)}/results`;
}

export function compatLogsFolder(settings: EvidenceSettings, consumer: string): string {
  return `${compatFolder(settings, consumer)}/logs`;
}

/** `evidence/attestations/<gate>`. */
export function attestationsFolder(settings: EvidenceSettings, gate: string): string {
  return `${settings.paths.evidence}/attestations/${gate}`;
}

/** `evidence/releases/<version>`. */
export function releasesFolder(settings: EvidenceSettings, version: string): string {
  return `${settings.paths.evidence}/releases/${version}`;
}

/** `evidence/rollback`. */
export function rollbackFolder(settings: EvidenceSettings): string {
  return `${settings.paths.evidence}/rollback`;
}

export interface TaskCopyPlace {
  date: string;
  milestone: string;
  task: string;
}

/** Where the evidence pattern puts a task's copy of a gate's evidence, without `.md`: re-derivable from the copy's own context. */
export function taskCopyBase(settings: Pick<GovernanceSettings, 'paths' | 'evidencePattern'>, gate: string, context: TaskCopyPlace): string {
  const relative = settings.evidencePattern.replace('{date}', context.date).replace('{milestone}', context.milestone).replace('{task}', context.task).replace('{gate}', gate);
  return `${settings.paths.evidence}/${relative.replace(/\.md$/, '')}`;
}

/** An ISO timestamp as a file name part (`2026-02-19T10-00-00-000Z`): no `:` (Windows) nor `.` (extensions). */
export function timestampFileName(iso: string | Date): string {
  return (typeof iso === 'string' ? iso : iso.toISOString()).replace(/[:.]/g, '-');
}
