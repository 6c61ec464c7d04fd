import { git } from './git';

/** Who is acting (an attester, a release approver), from git's user settings. */
export function gitUser(root: string): string {
  const name = git(root, ['config', 'user.name']);
  const email = git(root, ['config', 'user.email']);
  return name ? `${name}${email ? ` <${email}>` : ''}` : 'unknown (git user.name is not set)';
}
