export const LANGUAGES = ['rust', 'python', 'node', 'go'] as const;
export type Language = (typeof LANGUAGES)[number];

interface LanguageDefaults {
  /** The manifest whose presence identifies the language. */
  manifest: string;
  /** Where the project's own version is, as a dotted field of the manifest. */
  versionField?: string;
  test: string[];
  /** Folders of generated files that are never inputs. */
  ignored: string[];
}

/** Manifest, version field and test command of each language, in detection order. */
export const LANGUAGE_DEFAULTS: Record<Language, LanguageDefaults> = {
  rust: { manifest: 'Cargo.toml', versionField: 'package.version', test: ['cargo', 'test', '--offline'], ignored: ['target'] },
  python: {
    manifest: 'pyproject.toml',
    versionField: 'project.version',
    test: ['python3', '-m', 'unittest', 'discover', '-s', 'tests', '-v'],
    ignored: ['__pycache__', '.venv', '.pytest_cache'],
  },
  node: { manifest: 'package.json', versionField: 'version', test: ['npm', 'test'], ignored: ['node_modules', 'dist'] },
  go: { manifest: 'go.mod', test: ['go', 'test', './...'], ignored: ['vendor'] },
};

/** The language of a folder from the manifests it has (`exists` answers for a file name in it). */
export function detectLanguage(exists: (file: string) => boolean): Language | undefined {
  return LANGUAGES.find((language) => exists(LANGUAGE_DEFAULTS[language].manifest));
}
