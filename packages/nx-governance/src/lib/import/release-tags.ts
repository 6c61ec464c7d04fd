import { runGit } from '../git/git';

/** Where git dates a core release from (a tag of the version, or the commit itself) and the date, or undefined when git knows neither. */
export type TaggedRelease = { tag: string; date: string } | { commit: string; date: string } | undefined;

/**
 * The date git gives a core release the prose names without one: for a
 * version, its tag's (`v<version>`, else `<version>`; an annotated tag's own
 * date, a lightweight tag's commit date); for a commit of this repository, the
 * commit's date. A prose matrix names versions and commits without dates; a
 * release in compatibility.json is ordered and windowed by its date.
 */
export function taggedRelease(root: string, core: { kind: 'version' | 'commit'; value: string }): TaggedRelease {
  if (core.kind === 'commit') {
    const result = runGit(root, ['show', '-s', '--format=%cs', `${core.value}^{commit}`, '--']);
    return result.ok && /^\d{4}-\d{2}-\d{2}$/.test(result.stdout) ? { commit: core.value, date: result.stdout } : undefined;
  }
  for (const tag of [`v${core.value}`, core.value]) {
    const result = runGit(root, ['for-each-ref', '--format=%(creatordate:short)', `refs/tags/${tag}`]);
    if (result.ok && /^\d{4}-\d{2}-\d{2}$/.test(result.stdout)) return { tag, date: result.stdout };
  }
  return undefined;
}
