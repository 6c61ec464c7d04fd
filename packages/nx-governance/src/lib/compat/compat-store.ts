import { join } from 'node:path';
import { compatLatestFile, timestampFileName } from '../evidence/evidence-layout';
import { DIGEST_ONLY, readEvidenceOfKind } from '../evidence/read-evidence';
import { insideWorkspaceOrThrow } from '../fs/inside-workspace';
import { sealRecord } from '../evidence/seal-record';
import { diskFileReader, type FileReader } from '../workspace/file-reader';
import { writeFileAtomically } from '../fs/write-file-atomically';
import type { GovernanceSettings } from '../schemas/governance';
import type { CompatRecord } from './compat-result';
import { compatResultFolder } from './compat-paths';
import { renderCompatMarkdown } from './render-compat-markdown';

/** The consumer's newest result, or undefined when there is none or it does not verify. */
export function readLatestCompatResult(root: string, settings: GovernanceSettings, consumer: string): CompatRecord | undefined {
  return readLatestCompatRecord(diskFileReader(root), settings, consumer);
}

/** The consumer's latest result through any reader (disk, the Nx tree, a git revision), when it exists, verifies and is the consumer's own. */
export function readLatestCompatRecord(reader: FileReader, settings: Pick<GovernanceSettings, 'paths'>, consumer: string): CompatRecord | undefined {
  // Compat results are sealed by their digest, never signed.
  const read = readEvidenceOfKind(reader, compatLatestFile(settings, consumer), DIGEST_ONLY, 'nx-governance/compat-result');
  return read.ok && read.value.consumer === consumer ? read.value : undefined;
}

/**
 * Seals the record and writes it twice: into the history (one file per run,
 * never overwritten) and as `latest`, the file Nx caches and restores.
 */
export function writeCompatResult(root: string, settings: GovernanceSettings, record: Omit<CompatRecord, 'digest'>): CompatRecord {
  const sealed = sealRecord(record) as CompatRecord;
  const folder = insideWorkspaceOrThrow(root, compatResultFolder(settings, record.consumer), settings.paths.evidence);
  const json = `${JSON.stringify(sealed, null, 2)}\n`;
  const markdown = renderCompatMarkdown(sealed);
  // The version comes from the core's manifest: it names a file, never a place.
  const name = `${timestampFileName(record.startedAt)}-${(record.tuple.core.version ?? 'unversioned').replace(/[^\w.+-]/g, '_')}`;
  writeFileAtomically(join(folder, 'results', `${name}.json`), json);
  writeFileAtomically(join(folder, 'results', `${name}.md`), markdown);
  writeFileAtomically(join(folder, 'latest.json'), json);
  writeFileAtomically(join(folder, 'latest.md'), markdown);
  return sealed;
}

/** Makes a sealed record from the history the consumer's `latest` again (both files, as writeCompatResult wrote them). */
export function writeLatestCompatResult(root: string, settings: GovernanceSettings, sealed: CompatRecord): void {
  const folder = insideWorkspaceOrThrow(root, compatResultFolder(settings, sealed.consumer), settings.paths.evidence);
  writeFileAtomically(join(folder, 'latest.json'), `${JSON.stringify(sealed, null, 2)}\n`);
  writeFileAtomically(join(folder, 'latest.md'), renderCompatMarkdown(sealed));
}
