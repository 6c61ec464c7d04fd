/**
 * `--exclude` globs as a test of workspace paths: `**` any folders, `*` and `?`
 * within one name; a glob without a slash matches a name anywhere (`DRAFT-*.md`).
 */
export function excludedBy(globs: readonly string[]): (file: string) => string | undefined {
  const patterns = globs.map((glob) => ({ glob, pattern: globPattern(glob.replace(/^\.\//, '')) }));
  return (file) => patterns.find(({ pattern }) => pattern.test(file))?.glob;
}

function globPattern(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(glob.includes('/') ? `^${source}(?:/.*)?$` : `(?:^|/)${source}$`);
}
