import { compatsFolder, evidenceRoot } from '../evidence/evidence-layout';
import { type CiRecipeOptions, compatShardCommand, GOVERNANCE_JUNIT, governanceCiCommands, NODE_VERSION, recipeHeader, REPORTS_FOLDER } from './ci-recipe';

export const GITLAB_CI = '.gitlab-ci.yml';

/** A GitLab script line that records a failure and lets the next command run; the job exits 1 at its end if any failed. */
export const GITLAB_KEEP_GOING = ' || status=1';

/**
 * A GitLab CI pipeline in two stages. `compat` runs `parallel` shards
 * (`CI_NODE_INDEX` of `CI_NODE_TOTAL`), each writing its results to Nx's
 * self-hosted remote cache; `governance` runs whatever they concluded,
 * restores their results, and runs every command even when an earlier one
 * failed, failing at the end when any did. The pipeline fails when a shard or
 * the governance job did.
 */
export function renderGitlabCi(options: CiRecipeOptions): string {
  return [
    ...recipeHeader('gitlab'),
    '# Nx self-hosted remote cache: set NX_SELF_HOSTED_REMOTE_CACHE_SERVER and',
    '# NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN as CI/CD variables; the compat shards write their results',
    '# there and the governance job restores them (without them, it re-runs the affected consumers).',
    `image: node:${NODE_VERSION}`,
    '',
    'variables:',
    "  CI: 'true'",
    '  GIT_DEPTH: 0',
    '',
    'workflow:',
    '  rules:',
    '    - if: $CI_PIPELINE_SOURCE == "merge_request_event"',
    `    - if: $CI_COMMIT_BRANCH == "${options.defaultBase}"`,
    '',
    'stages:',
    '  - compat',
    '  - governance',
    '',
    'default:',
    '  interruptible: true',
    '  before_script:',
    ...installLines(options).map((line) => `    - ${line}`),
    '    - export NX_HEAD=$CI_COMMIT_SHA',
    '    - export NX_BASE=${CI_MERGE_REQUEST_DIFF_BASE_SHA:-$(git rev-parse HEAD~1 2>/dev/null || git rev-parse HEAD)}',
    '',
    'compat:',
    '  stage: compat',
    `  parallel: ${options.shards}`,
    '  script:',
    `    - ${compatShardCommand(options, '$CI_NODE_INDEX', '$CI_NODE_TOTAL')}`,
    '  artifacts:',
    '    when: always',
    '    paths:',
    `      - ${REPORTS_FOLDER}/`,
    `      - ${compatsFolder(options.evidence)}/`,
    '',
    'governance:',
    '  stage: governance',
    '  when: always',
    '  script:',
    '    - status=0',
    ...governanceCiCommands(options, 'file').map((command) => `    - ${command}${GITLAB_KEEP_GOING}`),
    '    - exit $status',
    '  artifacts:',
    '    when: always',
    '    paths:',
    `      - ${REPORTS_FOLDER}/`,
    `      - ${evidenceRoot(options.evidence)}/`,
    '    reports:',
    `      junit: ${GOVERNANCE_JUNIT}`,
    '',
  ].join('\n');
}

/** The install, with pnpm or bun put on the PATH first (the node image ships npm only). */
function installLines(options: CiRecipeOptions): string[] {
  const { name, install, version } = options.packageManager;
  const global = name === 'pnpm' ? [`npm install --prefix=$HOME/.local -g pnpm@${version ?? '11'}`] : name === 'bun' ? ['npm install --prefix=$HOME/.local -g bun'] : [];
  const corepack = name === 'yarn' && version ? ['corepack enable'] : [];
  const path = global.length ? ['export PATH="$HOME/.local/bin:$PATH"'] : [];
  return [...global, ...path, ...corepack, install];
}
