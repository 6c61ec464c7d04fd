import { runGit } from '../git/git';

/** The date a release was tagged, and the tag, or undefined when git knows no tag of that version. */
export type TaggedRelease = { tag: string; date: string } | undefined;

/**
 * The date of the git tag of a core version (`v<version>`, else `<version>`):
 * an annotated tag's own date, a lightweight tag's commit date. A prose matrix
 * names versions without dates; a release in compatibility.json needs one.
 */
export function taggedRelease(root: string, version: string): TaggedRelease {
  for (const tag of [`v${version}`, version]) {
    const result = runGit(root, ['for-each-ref', '--format=%(creatordate:short)', `refs/tags/${tag}`]);
    if (result.ok && /^\d{4}-\d{2}-\d{2}$/.test(result.stdout)) return { tag, date: result.stdout };
  }
  return undefined;
}
