/** Where a CI provider says the repository lives: a file at a commit as a URL. */
export interface RepositoryHost {
  fileAt(commit: string, path: string): string;
}

/** How the report links an evidence file now (the change) and at the base; undefined for no link. */
export interface EvidenceLinks {
  now(path: string): string | undefined;
  base(path: string): string | undefined;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/**
 * The repository's web address from the CI's own variables: GitHub Actions'
 * GITHUB_SERVER_URL and GITHUB_REPOSITORY, GitLab's CI_PROJECT_URL. Elsewhere
 * (a laptop, an unknown CI) none: links stay relative.
 */
export function repositoryHostFromEnv(env: NodeJS.ProcessEnv): RepositoryHost | undefined {
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY) {
    const repository = `${env.GITHUB_SERVER_URL.replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}`;
    return { fileAt: (commit, path) => `${repository}/blob/${commit}/${encodePath(path)}` };
  }
  if (env.CI_PROJECT_URL) {
    const project = env.CI_PROJECT_URL.replace(/\/+$/, '');
    return { fileAt: (commit, path) => `${project}/-/blob/${commit}/${encodePath(path)}` };
  }
  return undefined;
}

/** The commit the CI is building, as it names it (GITHUB_SHA, GitLab's CI_COMMIT_SHA). */
export function headCommitFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.GITHUB_SHA || env.CI_COMMIT_SHA || undefined;
}

/**
 * With a host: each file at the head commit and at the base commit, absolute,
 * so the links work in a pull-request comment or a job summary. Without one:
 * the file now as a workspace-relative path, and no link at the base (the same
 * path would show the file as it is now, not as it was).
 */
export function evidenceLinks(host: RepositoryHost | undefined, commits: { head?: string; base?: string }): EvidenceLinks {
  const { head, base } = commits;
  return {
    now: (path) => (host && head ? host.fileAt(head, path) : encodeURI(path)),
    base: (path) => (host && base ? host.fileAt(base, path) : undefined),
  };
}
