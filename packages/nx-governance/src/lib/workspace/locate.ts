import type { LoadedFile } from './governance-data';

/** The file, line and path in it where a JSON path of `loaded` really is. */
export function locate(loaded: LoadedFile<unknown>, path: (string | number)[]) {
  return loaded.locate?.(path) ?? { file: loaded.file, line: loaded.source.lineOf(path), path };
}
