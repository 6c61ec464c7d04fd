import { compatsFolder, evidenceRoot } from '../evidence/evidence-layout';
import { type CiRecipeOptions, compatShardCommand, governanceCiCommands, NODE_VERSION, recipeHeader, REPORTS_FOLDER } from './ci-recipe';

export const GITHUB_WORKFLOW = '.github/workflows/governance.yml';

/** Runs after a failed step, not after a cancelled run: a failed step still fails the job. */
const UNLESS_CANCELLED = '${{ !cancelled() }}';

/**
 * A GitHub Actions workflow in two jobs. `compat` is a matrix of shards, each
 * running its part of the affected consumers and writing the results to Nx's
 * self-hosted remote cache. `governance` runs after them whatever they
 * concluded: it restores their results (judged like any restored evidence),
 * runs the gates, checks the evidence and reports, every step even when an
 * earlier one failed, and fails when any step or shard did.
 */
export function renderGithubWorkflow(options: CiRecipeOptions): string {
  const shards = Array.from({ length: options.shards }, (_, i) => i + 1);
  const run = (command: string, condition?: string) => [`      - run: ${command}`, ...(condition ? [`        if: ${condition}`] : [])];
  const upload = (name: string, paths: string[]) => [
    '      - uses: actions/upload-artifact@v7',
    `        if: ${UNLESS_CANCELLED}`,
    '        with:',
    `          name: ${name}`,
    '          path: |',
    ...paths.map((path) => `            ${path}`),
  ];
  return [
    ...recipeHeader('github'),
    'name: governance',
    '',
    'on:',
    '  push:',
    '    branches:',
    `      - ${options.defaultBase}`,
    '  pull_request:',
    '',
    '# What nrwl/nx-set-shas needs to find the last successful run on the base branch.',
    'permissions:',
    '  actions: read',
    '  contents: read',
    '',
    '# Nx self-hosted remote cache: the compat shards write their results there and the governance job',
    '# restores them. Set the variable and the secret in the repository settings; without them every job',
    '# runs on its own and the governance job re-runs the affected consumers.',
    'env:',
    '  NX_SELF_HOSTED_REMOTE_CACHE_SERVER: ${{ vars.NX_SELF_HOSTED_REMOTE_CACHE_SERVER }}',
    '  NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: ${{ secrets.NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN }}',
    '',
    'jobs:',
    '  compat:',
    `    name: compat \${{ matrix.shard }}/${options.shards}`,
    '    runs-on: ubuntu-latest',
    '    strategy:',
    '      fail-fast: false',
    '      matrix:',
    `        shard: [${shards.join(', ')}]`,
    '    steps:',
    ...setupSteps(options),
    ...run(compatShardCommand(options, '${{ matrix.shard }}', String(options.shards))),
    ...upload('compat-${{ matrix.shard }}', [`${REPORTS_FOLDER}/`, `${compatsFolder(options.evidence)}/`]),
    '',
    '  governance:',
    '    needs: compat',
    `    if: ${UNLESS_CANCELLED}`,
    '    runs-on: ubuntu-latest',
    '    steps:',
    ...setupSteps(options),
    ...governanceCiCommands(options, 'summary').flatMap((command, index) => run(command, index === 0 ? undefined : UNLESS_CANCELLED)),
    ...upload('governance-evidence', [`${REPORTS_FOLDER}/`, `${evidenceRoot(options.evidence)}/`]),
    '      - name: Fail when a compat shard failed',
    `        if: \${{ !cancelled() && needs.compat.result != 'success' }}`,
    '        run: |',
    '          echo "compat shards: ${{ needs.compat.result }}"',
    '          exit 1',
    '',
  ].join('\n');
}

/** Checkout with the history nx affected and the report's base need, the package manager, Node, the install, the base. */
function setupSteps(options: CiRecipeOptions): string[] {
  const { packageManager } = options;
  const steps = ['      - uses: actions/checkout@v7', '        with:', '          filter: tree:0', '          fetch-depth: 0'];
  if (packageManager.name === 'bun') {
    steps.push('      - uses: oven-sh/setup-bun@v2', '        with:', '          bun-version: latest');
  } else {
    if (packageManager.name === 'yarn' && packageManager.version) steps.push('      - run: corepack enable');
    if (packageManager.name === 'pnpm') {
      steps.push('      - uses: pnpm/action-setup@v6', '        with:');
      // Without a packageManager field in package.json, the action needs a version.
      if (!packageManager.version) steps.push('          version: 11');
      steps.push('          run_install: false');
    }
    steps.push('      - uses: actions/setup-node@v6', '        with:', `          node-version: ${NODE_VERSION}`, `          cache: ${packageManager.name}`);
  }
  steps.push(`      - run: ${packageManager.install}`, '      - uses: nrwl/nx-set-shas@v5', '        with:', `          main-branch-name: ${options.defaultBase}`);
  return steps;
}
