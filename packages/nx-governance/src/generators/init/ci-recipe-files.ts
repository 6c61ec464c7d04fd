import type { EvidenceSettings } from '../../lib/evidence/evidence-layout';
import { detectPackageManager, getPackageManagerCommand, logger, readNxJson, type Tree } from '@nx/devkit';
import { baseBranch, type CiProvider, type CiRecipeOptions } from '../../lib/ci/ci-recipe';
import { GITHUB_WORKFLOW, renderGithubWorkflow } from '../../lib/ci/github-workflow';
import { GITLAB_CI, renderGitlabCi } from '../../lib/ci/gitlab-ci';

const RECIPES: Record<CiProvider, { file: string; render: (options: CiRecipeOptions) => string }> = {
  github: { file: GITHUB_WORKFLOW, render: renderGithubWorkflow },
  gitlab: { file: GITLAB_CI, render: renderGitlabCi },
};

/** The CI recipe for `provider`, with the workspace's package manager and base branch; a file already there is kept. */
export function writeCiRecipeFile(tree: Tree, provider: CiProvider, project: string, shards: number, evidence: EvidenceSettings): void {
  const { file, render } = RECIPES[provider];
  if (tree.exists(file)) {
    logger.info(`${file} exists and was kept; the recipe init writes is in the README's CI section.`);
    return;
  }
  tree.write(file, render(ciRecipeOptions(tree, project, shards, evidence)));
}

function ciRecipeOptions(tree: Tree, project: string, shards: number, evidence: EvidenceSettings): CiRecipeOptions {
  const name = detectPackageManager(tree.root);
  const command = getPackageManagerCommand(name, tree.root);
  const packageJson = tree.exists('package.json') ? (JSON.parse(tree.read('package.json', 'utf8') ?? '{}') as { packageManager?: unknown }) : {};
  const declared = typeof packageJson.packageManager === 'string' ? packageJson.packageManager : undefined;
  const version = declared?.startsWith(`${name}@`) ? declared.slice(name.length + 1).split('+')[0] : undefined;
  return {
    project,
    packageManager: { name, install: command.ciInstall, exec: command.exec, ...(version ? { version } : {}) },
    defaultBase: baseBranch(readNxJson(tree)),
    shards: Math.max(1, Math.floor(shards)),
    evidence,
  };
}
