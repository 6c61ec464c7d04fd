/** The CI systems `init --ci` writes a workflow for. */
export const CI_PROVIDERS = ['github'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

export const GITHUB_WORKFLOW = '.github/workflows/governance.yml';

/** The commands the workflow runs after installing, in order: also what the end-to-end test runs. */
export function governanceCiCommands(project: string): string[] {
  return [
    // First, on the files as committed: the rendered matrix follows the compat results the next steps write.
    'npx nx sync:check',
    'npx nx affected -t compat',
    `npx nx run ${project}:gate --junit=reports/governance-junit.xml --json=reports/governance.json`,
  ];
}

/**
 * A GitHub Actions workflow: enough history for `nx affected` and the report's
 * base, the affected base from nrwl/nx-set-shas, the consumers a change
 * reaches, the gates, the rendered documents in sync, the pull-request report
 * in the job summary, and the JUnit report and evidence uploaded whatever
 * happened.
 */
export function renderGithubWorkflow(project: string): string {
  const run = (command: string, condition?: string) => [`      - run: ${command}`, ...(condition ? [`        if: ${condition}`] : [])];
  return [
    '# Written by nx g nx-governance:init --ci=github. Evidence policy: see .gitignore (committed: latest',
    '# records, task evidence, attestations, release packets; local: chains, logs, result history).',
    'name: governance',
    'on:',
    '  pull_request:',
    '  push:',
    '    branches: [main]',
    'jobs:',
    '  governance:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v4',
    '        with:',
    '          fetch-depth: 0',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '          cache: npm',
    '      - run: npm ci',
    '      - uses: nrwl/nx-set-shas@v4',
    ...governanceCiCommands(project).flatMap((command) => run(command)),
    ...run(`npx nx run ${project}:report --summary`, "always() && github.event_name == 'pull_request'"),
    '      - uses: actions/upload-artifact@v4',
    '        if: always()',
    '        with:',
    '          name: governance-evidence',
    '          path: |',
    '            reports/',
    '            evidence/',
    '',
  ].join('\n');
}

const POLICY_START = '# nx-governance evidence policy (init): chains, logs and result history stay local;';

/**
 * The evidence policy as .gitignore lines: what a reviewer signs on (each
 * gate's and consumer's latest record, task evidence, attestations, release
 * packets) is committed; the history behind it stays local and travels
 * through the Nx cache instead.
 */
export function evidencePolicyIgnores(evidence: string): string {
  return [
    POLICY_START,
    '# latest records, task evidence, attestations and release packets are committed.',
    `${evidence}/gates/*/records/`,
    `${evidence}/gates/*/logs/`,
    `${evidence}/compat/*/results/`,
    `${evidence}/compat/*/logs/`,
    `${evidence}/.running/`,
    'reports/',
    '',
  ].join('\n');
}

/** .gitignore with the policy appended once; an edited policy block is left as the user keeps it. */
export function withEvidencePolicy(gitignore: string, evidence: string): string {
  if (gitignore.includes(POLICY_START)) return gitignore;
  const base = gitignore === '' || gitignore.endsWith('\n') ? gitignore : `${gitignore}\n`;
  return `${base}${base ? '\n' : ''}${evidencePolicyIgnores(evidence)}`;
}
