import { posix } from 'node:path';
import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import type { CoreReach } from './vocabulary';
import { detectLanguage, type Language, LANGUAGE_DEFAULTS } from './languages';
import { readManifestField } from './read-manifest-field';

export interface ResolvedCore {
  project: string;
  path?: string;
  language?: Language;
  version?: string;
  /** Workspace-relative path of the build artifact consumers run against, or of the built entry of a workspace package. */
  artifact?: string;
  artifactEnv: string;
  /** How consumers reach the core unless one of them says otherwise. */
  reachedBy: CoreReach;
  schemaVersionArgs?: string[];
  build?: string[];
  test?: string[];
}

/** The core as settings describe it, with defaults read from its manifest; none while governance.json names no core yet. */
export function resolveCore(reader: FileReader, settings: GovernanceSettings): ResolvedCore | undefined {
  if (!settings.core) return undefined;
  const { project, path, artifact: declared, reachedBy } = settings.core;
  // `@scope/name` gives SCOPE_NAME_CLI, not _SCOPE_NAME_CLI.
  const artifactEnv = settings.core.artifactEnv ?? `${project.toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '')}_CLI`;
  // A declared artifact without `reachedBy` is how a core said "pass my binary in the variable" before `reachedBy` existed.
  const reach = (language?: Language): CoreReach => reachedBy ?? (declared ? 'env' : language ? LANGUAGE_DEFAULTS[language].reachedBy : 'workspace-package');
  const base = { project, artifactEnv, ...(settings.core.schemaVersionArgs ? { schemaVersionArgs: settings.core.schemaVersionArgs } : {}) };
  if (!path) return { ...base, reachedBy: reach(), ...(declared ? { artifact: declared } : {}) };
  const language = detectLanguage((f) => reader.read(`${path}/${f}`) !== undefined);
  const defaults = language ? LANGUAGE_DEFAULTS[language] : undefined;
  const manifest = defaults ? `${path}/${defaults.manifest}` : undefined;
  const manifestText = manifest ? reader.read(manifest) : undefined;
  const field = (name: string | undefined) => (manifest && manifestText && name ? readManifestField(manifest, manifestText, name) : undefined);
  const version = field(defaults?.versionField);
  let artifact = declared;
  let build: string[] | undefined;
  if (language === 'rust') {
    artifact ??= `${path}/target/release/${field('package.name') ?? project}`;
    build = ['cargo', 'build', '--release', '--offline'];
  }
  artifact ??= insideFolder(path, field(defaults?.entryField));
  return {
    ...base,
    path,
    reachedBy: reach(language),
    ...(language ? { language, test: LANGUAGE_DEFAULTS[language].test } : {}),
    ...(version ? { version } : {}),
    ...(artifact ? { artifact } : {}),
    ...(build ? { build } : {}),
  };
}

/** `folder/file` for a manifest's own relative path (`./dist/index.js`); nothing for one that leaves the folder. */
function insideFolder(folder: string, file: string | undefined): string | undefined {
  if (!file || posix.isAbsolute(file)) return undefined;
  const joined = posix.join(folder, file);
  return joined.startsWith(`${posix.normalize(folder)}/`) ? joined : undefined;
}
