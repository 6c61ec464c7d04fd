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

/**
 * The consumers with their places, and the tuples of those placed; a consumer
 * with no place is left out with its tuples (a tuple keeps the others it names),
 * each listed for review where the prose names it.
 */
export function placeConsumers(
  compat: ImportedCompatibility,
  place: (name: string) => ConsumerPlace,
  review: ReportItem[],
  source: string,
): { consumers: Array<{ name: string; project: string; path?: string; supports?: string }>; compat: ImportedCompatibility } {
  const consumers: Array<{ name: string; project: string; path?: string; supports?: string }> = [];
  const leftOut = new Set<string>();
  for (const { name, supports } of compat.consumers) {
    const placed = place(name);
    if (placed.found) {
      consumers.push({ name, project: placed.project, ...(placed.path ? { path: placed.path } : {}), ...(supports ? { supports } : {}) });
      continue;
    }
    leftOut.add(name);
    const tuples = compat.tuples.filter((t) => name in t.consumers).length;
    const where = compat.consumerLines.get(name) ?? { file: source, line: 1 };
    review.push({ ...where, what: `consumer ${name}`, why: `${placed.why}: left out of compatibility.json with ${tuples} tuple(s)${supports ? ` and its supported range ${supports}` : ''}; add its Nx project (or nx g nx-governance:consumer ${name}), then import again` });
  }
  if (!leftOut.size) return { consumers, compat };
  const kept = compat.tuples
    .map((tuple, i) => ({ tuple: { ...tuple, consumers: Object.fromEntries(Object.entries(tuple.consumers).filter(([c]) => !leftOut.has(c))) }, line: compat.tupleLines[i] }))
    .filter(({ tuple }) => Object.keys(tuple.consumers).length > 0);
  return { consumers, compat: { ...compat, consumers: compat.consumers.filter((c) => !leftOut.has(c.name)), tuples: kept.map((k) => k.tuple), tupleLines: kept.map((k) => k.line) } };
}
