import type { GovernanceSettings } from '../schemas/governance';
import type { FileReader } from '../workspace/file-reader';
import { detectLanguage, type Language, LANGUAGE_DEFAULTS } from './languages';
import { readManifestField } from './read-manifest-field';

export interface ResolvedCore {
  project: string;
  path?: string;
  language?: Language;
  version?: string;
  /** Workspace-relative path of the build artifact consumers run against. */
  artifact?: string;
  artifactEnv: string;
  schemaVersionArgs?: string[];
  build?: string[];
  test?: string[];
}

/** The core as settings describe it, with defaults read from its manifest. */
export function resolveCore(reader: FileReader, settings: GovernanceSettings): ResolvedCore {
  const { project, path } = settings.core;
  const artifactEnv = settings.core.artifactEnv ?? `${project.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_CLI`;
  const base = { project, artifactEnv, ...(settings.core.schemaVersionArgs ? { schemaVersionArgs: settings.core.schemaVersionArgs } : {}) };
  if (!path) return { ...base, ...(settings.core.artifact ? { artifact: settings.core.artifact } : {}) };
  const language = detectLanguage((f) => reader.read(`${path}/${f}`) !== undefined);
  const manifest = language ? `${path}/${LANGUAGE_DEFAULTS[language].manifest}` : undefined;
  const manifestText = manifest ? reader.read(manifest) : undefined;
  const field = language ? LANGUAGE_DEFAULTS[language].versionField : undefined;
  const version = manifest && manifestText && field ? readManifestField(manifest, manifestText, field) : undefined;
  let artifact = settings.core.artifact;
  let build: string[] | undefined;
  if (language === 'rust') {
    const binary = (manifestText && readManifestField(manifest!, manifestText, 'package.name')) ?? project;
    artifact ??= `${path}/target/release/${binary}`;
    build = ['cargo', 'build', '--release', '--offline'];
  }
  return {
    ...base,
    path,
    ...(language ? { language, test: LANGUAGE_DEFAULTS[language].test } : {}),
    ...(version ? { version } : {}),
    ...(artifact ? { artifact } : {}),
    ...(build ? { build } : {}),
  };
}
