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
  for (const document of COMPATIBILITY_DOCUMENTS.flatMap((name) => reader.findByName(name))) {
    for (const table of readMarkdownDocument(parse, document, reader.read(document) ?? '').sections.flatMap((s) => s.tables)) {
      const named = table.headers.map((h) => h.replace(/`/g, '')).find((h) => known.has(h) || libraryAt(reader, h) === h);
      if (!named) continue;
      const path = projects.has(named) ? undefined : (known.get(named) ?? named);
      return { found: true, project: named, ...(path ? { path } : {}), why: `named by the compatibility table of ${document}:${table.line}` };
    }
  }
  if (rootLibrary) return { found: true, project: rootLibrary, path: '.', why: 'the only library at the root of the repository' };
  return {
    found: false,
    why: 'no compatibility document names the core and no Rust or JS library is at the root. Once the core is an Nx project, run `npx nx g nx-governance:init --coreProject=<project>`.',
  };
}
