import { posix } from 'node:path';
import { LANGUAGE_DEFAULTS, LANGUAGES } from '../consumers/languages';
import { readManifestField } from '../consumers/read-manifest-field';
import type { FileReader } from '../workspace/file-reader';
import { nxProjectAt } from './find-core';
import type { ImportedCompatibility } from './import-compatibility';
import type { ReportItem } from './import-log';

/** Where a consumer the prose names is, and the Nx project it is, or why it has none here. */
export type ConsumerPlace = { found: true; project: string; path?: string } | { found: false; why: string };

/** Folders a consumer's own name is looked for in, as vendored consumers and Nx libraries sit. */
const NAMED_FOLDERS = ['consumers', 'vendor', 'packages', 'libs', 'apps'];

/**
 * The consumer's place in this workspace, only where Nx will have its project:
 * an Nx project that answers to its name (its name, without its npm scope, or
 * its folder's), else a folder of its name or whose manifest names it (the
 * project Nx infers there, or the one the plugin creates from the consumer's
 * path). Nothing else: a project named after a consumer that does not exist
 * makes validate fail.
 */
export function placeConsumer(name: string, projects: ReadonlyMap<string, string>, reader: FileReader): ConsumerPlace {
  const project = [...projects].find(([projectName, root]) => [projectName, projectName.replace(/^@[^/]+\//, ''), posix.basename(root)].includes(name));
  if (project) return { found: true, project: project[0], ...(project[1] !== '.' && project[1] !== '' ? { path: project[1] } : {}) };
  const folder = [...NAMED_FOLDERS.map((f) => `${f}/${name}`), name].find((f) => reader.list(f, '').length > 0) ?? folderDeclaring(reader, name);
  if (folder) return { found: true, project: nxProjectAt(reader, folder, projects) ?? name, path: folder };
  return { found: false, why: `no Nx project of that name and no folder of it (${NAMED_FOLDERS.map((f) => `${f}/${name}`).join(', ')}, or a manifest naming it)` };
}

/** The folder whose manifest (Cargo.toml, pyproject.toml, package.json, …) declares the package `name`. */
function folderDeclaring(reader: FileReader, name: string): string | undefined {
  for (const language of LANGUAGES) {
    const { manifest, versionField } = LANGUAGE_DEFAULTS[language];
    if (!versionField) continue;
    const nameField = versionField.replace(/version$/, 'name');
    const file = reader.findByName(manifest).find((f) => f.includes('/') && readManifestField(f, reader.read(f) ?? '', nameField) === name);
    if (file) return posix.dirname(file);
  }
  return undefined;
}

/** A consumer as the import writes it: placed (with its project) or stated only (not in this workspace). */
export type ImportedConsumer = { name: string; project?: string; path?: string; supports?: string };

/**
 * The consumers with their places. A consumer with no place here is kept
 * stated only: without a project, with its range and its tuples, and listed
 * for review (its tests cannot run here; readiness stays inconclusive for it
 * until it is vendored).
 */
export function placeConsumers(compat: ImportedCompatibility, place: (name: string) => ConsumerPlace, review: ReportItem[], source: string): ImportedConsumer[] {
  return compat.consumers.map(({ name, supports }) => {
    const placed = place(name);
    const range = supports ? { supports } : {};
    if (placed.found) return { name, project: placed.project, ...(placed.path ? { path: placed.path } : {}), ...range };
    const tuples = compat.tuples.filter((t) => name in t.consumers).length;
    const where = compat.consumerLines.get(name) ?? { file: source, line: 1 };
    review.push({
      ...where,
      what: `consumer ${name}`,
      why: `${placed.why}: written to compatibility.json without a project (stated only, with ${tuples} tuple(s)${supports ? ` and its supported range ${supports}` : ''}); its tests cannot run here and readiness stays inconclusive for it until it is vendored: nx g nx-governance:consumer ${name} --source=<its checkout>`,
    });
    return { name, ...range };
  });
}
