import { posix } from 'node:path';
import { isGeneratedDocument } from '../docs/generated-marker';
import { attestationsFolder, compatsFolder, gatesFolder, releasesFolder, rollbackFolder, runningMarkersFolder } from '../evidence/evidence-layout';
import type { GovernanceSettings } from '../schemas/governance';
import { SKIPPED_FOLDERS } from '../workspace/file-reader';

/**
 * `--source` as a workspace path: `.` for the root, never `./docs` nor `docs/`,
 * so files read below it are named as `--exclude` globs and the report write them.
 */
export function sourceFolder(source: string): string {
  return posix.normalize(source.replace(/\\/g, '/')).replace(/^(\.\/)+/, '').replace(/\/+$/, '') || '.';
}

/** A file path below a folder, without `./` for the root. */
export function below(folder: string, name: string): string {
  return folder === '.' ? name : `${folder}/${name}`;
}

/** Whether a walk skips this folder name: dependency, VCS and build folders never hold the prose. */
export const isSkippedFolder = (name: string) => SKIPPED_FOLDERS.includes(name);

/**
 * The folder of the prose's existing evidence: `evidence/` beside the prose,
 * else the repository's evidence folder (where a repository keeps it when its
 * prose sits in docs/). Undefined when neither exists.
 */
export function evidenceSource(source: string, settings: Pick<GovernanceSettings, 'paths'>, isFolder: (path: string) => boolean): string | undefined {
  return [below(source, 'evidence'), settings.paths.evidence].find(isFolder);
}

/**
 * Whether a file under the evidence folder is the plugin's own (gate records,
 * running markers, compat results, attestations, release packets, rollback
 * decisions), not evidence of the prose to import.
 */
export function isPluginEvidence(file: string, settings: Pick<GovernanceSettings, 'paths'>): boolean {
  const own = [gatesFolder(settings), runningMarkersFolder(settings), compatsFolder(settings), rollbackFolder(settings), posix.dirname(attestationsFolder(settings, 'gate')), posix.dirname(releasesFolder(settings, 'version'))];
  return own.some((folder) => file.startsWith(`${folder}/`));
}

/** How the import report begins (render-import-report.ts). */
export const IMPORT_REPORT_MARKER = '<!-- Written by `nx g nx-governance:import`';

/**
 * Whether a file is one the plugin wrote, not prose to import (`--source=.` walks them too): anything in the
 * governance folder (data, copied milestones, the import report) unless the source is inside it (a team may keep its
 * prose there), the import report anywhere, and a document rendered with the generated marker.
 */
export function isPluginOutput(file: string, source: string, governanceFolder: string, read: (path: string) => string | undefined): boolean {
  const sourceInside = source === governanceFolder || source.startsWith(`${governanceFolder}/`);
  if (file.startsWith(`${governanceFolder}/`) && !sourceInside) return true;
  if (!/\.(md|markdown|json)$/i.test(file)) return false;
  const text = read(file) ?? '';
  return isGeneratedDocument(file, text) || text.trimStart().startsWith(IMPORT_REPORT_MARKER);
}
