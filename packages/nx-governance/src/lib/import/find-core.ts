import { readManifestField } from '../consumers/read-manifest-field';
import type { FileReader } from '../workspace/file-reader';
import type { ParseMarkdown } from '../markdown/parse-markdown';
import { readMarkdownDocument } from './markdown-document';

export type FoundCore = { found: true; project: string; path?: string; why: string } | { found: false; why: string };

/** Documents that, by their name, hold a compatibility table whose columns name the core. */
const COMPATIBILITY_DOCUMENTS = ['COMPATIBILITY-MATRIX.md', 'COMPATIBILITY.md', 'compatibility.md'];

/** The library a manifest in `folder` declares (a Rust package, or a JS package that is not just a private workspace root). */
export function libraryAt(reader: FileReader, folder: string): string | undefined {
  const prefix = folder === '.' ? '' : `${folder}/`;
  const cargo = reader.read(`${prefix}Cargo.toml`);
  const rust = cargo === undefined ? undefined : readManifestField('Cargo.toml', cargo, 'package.name');
  if (rust) return rust;
  const text = reader.read(`${prefix}package.json`);
  if (text === undefined) return undefined;
  const name = readManifestField('package.json', text, 'name');
  const isLibrary = ['main', 'exports', 'module'].some((field) => text.includes(`"${field}"`)) && !/"private"\s*:\s*true/.test(text);
  return name && isLibrary ? name : undefined;
}

/**
 * Which project is the core, without asking: the one an existing compatibility
 * document names as a column (and that exists as a library), else the only
 * library at the root, else none yet.
 */
export function findCore(parse: ParseMarkdown, reader: FileReader, projects: ReadonlyMap<string, string>): FoundCore {
  const rootLibrary = libraryAt(reader, '.');
  const known = new Map(projects);
  if (rootLibrary && !known.has(rootLibrary)) known.set(rootLibrary, '.');
  // The root library is the project Nx has at the root, under the name Nx gives it.
  const rootProject = rootLibrary === undefined ? undefined : nxProjectAt(reader, '.', projects);
  const renamed = rootProject !== undefined && rootProject !== rootLibrary ? `; Nx names the project at the root ${rootProject}` : '';
  for (const document of COMPATIBILITY_DOCUMENTS.flatMap((name) => reader.findByName(name))) {
    for (const table of readMarkdownDocument(parse, document, reader.read(document) ?? '').sections.flatMap((s) => s.tables)) {
      const named = table.headers.map((h) => h.replace(/`/g, '')).find((h) => known.has(h) || libraryAt(reader, h) === h);
      if (!named) continue;
      const why = `named by the compatibility table of ${document}:${table.line}`;
      if (named === rootLibrary && !projects.has(named)) return { found: true, project: rootProject ?? named, path: '.', why: `${why}${renamed}` };
      const path = projects.has(named) ? undefined : (known.get(named) ?? named);
      return { found: true, project: named, ...(path ? { path } : {}), why };
    }
  }
  if (rootLibrary) return { found: true, project: rootProject ?? rootLibrary, path: '.', why: `the only library at the root of the repository: ${rootLibrary}${renamed}` };
  return coreOthersDependOn(reader, projects);
}

/**
 * The name Nx gives the project in `folder`: one it lists there, else the name
 * in the folder's project.json, else in its package.json (Nx infers the project
 * from either, and the targets the plugin adds there join it). Undefined when
 * Nx has no project there: the plugin then creates one under the name the
 * governance data gives it (the core's or the consumer's).
 */
export function nxProjectAt(reader: FileReader, folder: string, projects: ReadonlyMap<string, string>): string | undefined {
  const listed = [...projects].find(([, root]) => root === folder || (folder === '.' && root === ''))?.[0];
  if (listed) return listed;
  const prefix = folder === '.' ? '' : `${folder}/`;
  for (const file of ['project.json', 'package.json']) {
    const name = readPackageJson(reader, `${prefix}${file}`)?.name;
    if (typeof name === 'string' && name) return name;
  }
  return undefined;
}

/** The names the prose may give the core (its Nx project, its manifest's package name), lower-cased, as a column heads it. */
export function coreNames(reader: FileReader, core: { project: string; path?: string } | undefined): string[] {
  if (!core) return [];
  const library = core.path === undefined ? undefined : libraryAt(reader, core.path);
  return [...new Set([core.project, library].filter((n): n is string => !!n).map((n) => n.toLowerCase()))];
}

/**
 * In a workspace of packages (`@nx/js` libraries under packages/, none at the root), the core is the
 * library most other projects name in their package.json dependencies. A tie is no answer: the
 * libraries are listed with what to pass.
 */
function coreOthersDependOn(reader: FileReader, projects: ReadonlyMap<string, string>): FoundCore {
  const manifests = [...projects]
    .filter(([, root]) => root !== '.')
    .map(([project, root]) => ({ project, root, manifest: readPackageJson(reader, `${root}/package.json`) }));
  const dependents = new Map<string, string[]>();
  for (const library of manifests) {
    const packageName = typeof library.manifest?.name === 'string' ? library.manifest.name : undefined;
    if (!packageName) continue;
    const users = manifests.filter((other) => other !== library && DEPENDENCY_FIELDS.some((field) => dependsOn(other.manifest?.[field], packageName)));
    if (users.length) dependents.set(library.project, users.map((u) => u.project).sort());
  }
  const most = Math.max(0, ...[...dependents.values()].map((users) => users.length));
  const fits = [...dependents].filter(([, users]) => users.length === most).map(([project]) => project).sort();
  if (fits.length === 1) {
    const [project] = fits;
    return { found: true, project, path: projects.get(project), why: `the library the other projects depend on: ${dependents.get(project)!.join(', ')}` };
  }
  if (fits.length > 1) {
    return { found: false, why: `several libraries are depended on by as many projects: ${fits.join(', ')}; run \`npx nx g nx-governance:init --coreProject=<one of them>\`.` };
  }
  return {
    found: false,
    why: 'no compatibility document names the core, no Rust or JS library is at the root, and no library is a dependency of another project. Once the core is an Nx project, run `npx nx g nx-governance:init --coreProject=<project>`.',
  };
}

const dependsOn = (field: unknown, packageName: string) => typeof field === 'object' && field !== null && Object.hasOwn(field, packageName);

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;

type PackageJson = { name?: unknown } & Partial<Record<(typeof DEPENDENCY_FIELDS)[number], Record<string, unknown>>>;

function readPackageJson(reader: FileReader, file: string): PackageJson | undefined {
  const text = reader.read(file);
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as PackageJson) : undefined;
  } catch {
    // A broken manifest names no dependency; the core can still be given with --coreProject.
    return undefined;
  }
}
