import type { EvidenceSettings } from '../evidence/evidence-layout';
/** The CI systems `init --ci` writes a recipe for. */
export const CI_PROVIDERS = ['github', 'gitlab'] as const;
export type CiProvider = (typeof CI_PROVIDERS)[number];

export const PACKAGE_MANAGERS = ['npm', 'pnpm', 'yarn', 'bun'] as const;
export type PackageManagerName = (typeof PACKAGE_MANAGERS)[number];

/** How the workspace installs and runs its tools (what @nx/devkit's getPackageManagerCommand answers). */
export interface CiPackageManager {
  name: PackageManagerName;
  /** The frozen-lockfile install: `npm ci`, `pnpm install --frozen-lockfile`… */
  install: string;
  /** The prefix that runs a local binary: `npx`, `pnpm exec`, `yarn`, `bun`. */
  exec: string;
  /** The `packageManager` field's version, when package.json pins one (corepack and pnpm/action-setup read it). */
  version?: string;
}

export interface CiRecipeOptions {
  /** The governance project (`governance` unless settings rename it). */
  project: string;
  packageManager: CiPackageManager;
  /** nx.json's defaultBase without `origin/`: the branch pushes to which run the recipe and whose last green commit is the base. */
  defaultBase: string;
  /** How many jobs the affected consumers' compat runs are spread over. */
  shards: number;
  /** Where governance.json keeps the evidence the jobs upload (its `paths`). */
  evidence: EvidenceSettings;
}

/** Where every report of the recipe goes (ignored by git, uploaded by the jobs). */
export const REPORTS_FOLDER = 'reports';
export const GOVERNANCE_JUNIT = `${REPORTS_FOLDER}/governance-junit.xml`;
export const GOVERNANCE_REPORT = `${REPORTS_FOLDER}/governance-report.md`;
/** The governance page (`nx run <project>:page`), uploaded with the other reports. */
export const GOVERNANCE_PAGE = `${REPORTS_FOLDER}/governance-page.html`;

/** The current versions Nx's own ci-workflow generator writes (Nx 23.3): the recipe keeps to them. */
export const NODE_VERSION = 24;

/** How the report reaches a reader: GitHub's job summary, or a file the job keeps as an artifact. */
export type ReportDestination = 'summary' | 'file';

/**
 * One compat shard: the affected consumers whose position in the sorted list
 * falls to shard `index` of `total`. Each writes its results to the remote
 * cache, from which the governance job restores them.
 */
export function compatShardCommand(options: CiRecipeOptions, index: string, total: string): string {
  const { exec } = options.packageManager;
  return `${exec} nx run ${options.project}:compat-run --affected --shard=${index}/${total} --json=${REPORTS_FOLDER}/compat-shard-${index}.json`;
}

/**
 * The governance job's commands, in order; every one runs even when an
 * earlier one failed, and the job fails when any did. First the rendered
 * documents on the files as committed; then the affected consumers (restored
 * from the shards through the remote cache, re-run where a result is missing
 * or failed: Nx never caches a failure), so the gate, the evidence check and
 * the report judge this change's results, never main's.
 */
export function governanceCiCommands(options: Pick<CiRecipeOptions, 'project' | 'packageManager'>, report: ReportDestination): string[] {
  const nx = `${options.packageManager.exec} nx`;
  const project = options.project;
  return [
    `${nx} sync:check`,
    `${nx} run ${project}:compat-run --affected --json=${REPORTS_FOLDER}/compat.json`,
    `${nx} run ${project}:gate --junit=${GOVERNANCE_JUNIT} --json=${REPORTS_FOLDER}/governance.json`,
    `${nx} run ${project}:verify-evidence --json=${REPORTS_FOLDER}/verify-evidence.json`,
    `${nx} run ${project}:report ${report === 'summary' ? '--summary' : `--output=${GOVERNANCE_REPORT}`} --json=${REPORTS_FOLDER}/report.json`,
    // The page a reviewer opens from the job's artifacts: the same judgement as the report, one self-contained file.
    `${nx} run ${project}:page --output=${GOVERNANCE_PAGE}`,
  ];
}

/** nx.json's base branch as a branch name: `origin/main` and `main` are both `main`; none set is `main`. */
export function baseBranch(nxJson: { defaultBase?: string; affected?: { defaultBase?: string } } | null | undefined): string {
  const base = nxJson?.defaultBase ?? nxJson?.affected?.defaultBase ?? 'main';
  return base.replace(/^origin\//, '');
}

/** The comment a recipe file starts with: who wrote it, the evidence policy, and what the exit codes mean. */
export function recipeHeader(provider: CiProvider): string[] {
  return [
    `Written by nx g nx-governance:init --ci=${provider}. Evidence policy: see .gitignore (committed: latest`,
    'records, task evidence, attestations, release packets; local: chains, logs, result history).',
    'A failing gate exits 1; when Nx itself skips a task (a failed dependency) it exits 130, which is',
    'still a failure here: the job fails on any non-zero exit.',
  ].map((line) => `# ${line}`);
}
