import { join, relative, sep } from 'node:path';
import type { LinkTo } from './page-html';

/**
 * Links from the page's folder to workspace files, each path segment
 * percent-encoded: a segment from data can then never become a scheme
 * (`javascript:`), a query or a fragment.
 */
export function relativeHref(root: string, pageDir: string): LinkTo {
  return (workspacePath) =>
    relative(pageDir, join(root, workspacePath))
      .split(sep)
      .map((segment) => (segment === '..' ? segment : encodeURIComponent(segment)))
      .join('/');
}
