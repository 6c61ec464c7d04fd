import { type CoreReach, type Language, LANGUAGES } from './vocabulary';

export { LANGUAGES, type Language } from './vocabulary';

interface LanguageDefaults {
  /** The manifest whose presence identifies the language. */
  manifest: string;
  /** Where the project's own version is, as a dotted field of the manifest. */
  versionField?: string;
  test: string[];
  /** How consumers reach a core of this language unless it declares an artifact (see CORE_REACHES). */
  reachedBy: CoreReach;
  /** A field of the manifest naming the built file consumers load, checked before a compat run. */
  entryField?: string;
  /** Folders of generated files that are never inputs. */
  ignored: string[];
}

/** Manifest, version field and test command of each language, in detection order. */
export const LANGUAGE_DEFAULTS: Record<Language, LanguageDefaults> = {
  rust: { manifest: 'Cargo.toml', versionField: 'package.version', test: ['cargo', 'test', '--offline'], reachedBy: 'env', ignored: ['target'] },
  python: {
    manifest: 'pyproject.toml',
    versionField: 'project.version',
    test: ['python3', '-m', 'unittest', 'discover', '-s', 'tests', '-v'],
    reachedBy: 'workspace-package',
    ignored: ['__pycache__', '.venv', '.pytest_cache'],
  },
  node: {
    manifest: 'package.json',
    versionField: 'version',
    test: ['npm', 'test'],
    reachedBy: 'workspace-package',
    entryField: 'main',
    ignored: ['node_modules', 'dist'],
  },
  go: { manifest: 'go.mod', test: ['go', 'test', './...'], reachedBy: 'workspace-package', ignored: ['vendor'] },
};

/** The language of a folder from the manifests it has (`exists` answers for a file name in it). */
export function detectLanguage(exists: (file: string) => boolean): Language | undefined {
  return LANGUAGES.find((language) => exists(LANGUAGE_DEFAULTS[language].manifest));
}
