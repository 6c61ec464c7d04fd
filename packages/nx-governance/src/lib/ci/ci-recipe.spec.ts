import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { actionlint } from '../../test-helpers/actionlint';
import { parse } from 'yaml';
import { baseBranch, type CiPackageManager, type CiRecipeOptions, compatShardCommand, governanceCiCommands } from './ci-recipe';
import { renderGithubWorkflow } from './github-workflow';
import { GITLAB_KEEP_GOING, renderGitlabCi } from './gitlab-ci';

const MANAGERS: CiPackageManager[] = [
  { name: 'npm', install: 'npm ci', exec: 'npx' },
  { name: 'pnpm', install: 'pnpm install --frozen-lockfile', exec: 'pnpm exec' },
  { name: 'pnpm', install: 'pnpm install --frozen-lockfile', exec: 'pnpm exec', version: '10.4.1' },
  { name: 'yarn', install: 'yarn install --immutable', exec: 'yarn', version: '4.5.0' },
  { name: 'bun', install: 'bun install --no-cache', exec: 'bun' },
];
const recipe = (packageManager: CiPackageManager, more: Partial<CiRecipeOptions> = {}): CiRecipeOptions => ({
  project: 'governance',
  packageManager,
  defaultBase: 'trunk',
  shards: 3,
  evidence: { paths: { milestones: 'governance/milestones', evidence: 'evidence', docs: 'docs/execution-plan' } },
  ...more,
});

type Step = { uses?: string; run?: string; if?: string; with?: Record<string, unknown> };
type Workflow = { on: { push: { branches: string[] } }; permissions: object; env: Record<string, string>; jobs: Record<string, { steps: Step[]; needs?: string; if?: string; strategy?: { matrix: { shard: number[] } } }> };

describe('the GitHub Actions workflow', () => {
  it.each(MANAGERS.map((m) => [`${m.name}${m.version ? `@${m.version}` : ''}`, m] as const))('passes actionlint with %s', async (_, manager) => {
    expect(await actionlint(renderGithubWorkflow(recipe(manager)), '.github/workflows/governance.yml')).toEqual([]);
  });

  it('the lint can fail', async () => {
    const broken = renderGithubWorkflow(recipe(MANAGERS[0])).replace('${{ matrix.shard }}/3', '${{ matrix.shards }}/3');
    expect(await actionlint(broken, '.github/workflows/governance.yml')).toEqual([expect.objectContaining({ kind: 'expression' })]);
  });

  it('reads what nrwl/nx-set-shas needs, pushes to the base branch, and the remote cache settings', () => {
    const workflow = parse(renderGithubWorkflow(recipe(MANAGERS[0]))) as Workflow;
    expect(workflow.permissions).toEqual({ actions: 'read', contents: 'read' });
    expect(workflow.on.push.branches).toEqual(['trunk']);
    expect(Object.keys(workflow.env)).toEqual(['NX_SELF_HOSTED_REMOTE_CACHE_SERVER', 'NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN']);
    const setShas = workflow.jobs.governance.steps.find((s) => s.uses?.startsWith('nrwl/nx-set-shas@'));
    expect(setShas).toEqual({ uses: 'nrwl/nx-set-shas@v5', with: { 'main-branch-name': 'trunk' } });
  });

  it('installs with the workspace package manager, on the action majors and Node that Nx 23 writes', () => {
    const uses = (manager: CiPackageManager) => (parse(renderGithubWorkflow(recipe(manager))) as Workflow).jobs.compat.steps.map((s) => s.uses ?? s.run);
    expect(uses(MANAGERS[0])).toEqual(['actions/checkout@v7', 'actions/setup-node@v6', 'npm ci', 'nrwl/nx-set-shas@v5', expect.stringContaining('npx nx run governance:compat-run'), 'actions/upload-artifact@v7']);
    expect(uses(MANAGERS[1]).slice(0, 4)).toEqual(['actions/checkout@v7', 'pnpm/action-setup@v6', 'actions/setup-node@v6', 'pnpm install --frozen-lockfile']);
    expect(uses(MANAGERS[3]).slice(0, 4)).toEqual(['actions/checkout@v7', 'corepack enable', 'actions/setup-node@v6', 'yarn install --immutable']);
    expect(uses(MANAGERS[4]).slice(0, 3)).toEqual(['actions/checkout@v7', 'oven-sh/setup-bun@v2', 'bun install --no-cache']);
    const node = (parse(renderGithubWorkflow(recipe(MANAGERS[1]))) as Workflow).jobs.compat.steps.find((s) => s.uses === 'actions/setup-node@v6');
    expect(node?.with).toEqual({ 'node-version': 24, cache: 'pnpm' });
    // pnpm/action-setup reads packageManager when package.json pins it, and needs a version when not.
    const pnpmSetup = (manager: CiPackageManager) => (parse(renderGithubWorkflow(recipe(manager))) as Workflow).jobs.compat.steps.find((s) => s.uses === 'pnpm/action-setup@v6')?.with;
    expect(pnpmSetup(MANAGERS[1])).toEqual({ version: 11, run_install: false });
    expect(pnpmSetup(MANAGERS[2])).toEqual({ run_install: false });
  });

  it('shards compat over a matrix, then runs every governance step after them even when they or a step failed, and fails if any did', () => {
    const workflow = parse(renderGithubWorkflow(recipe(MANAGERS[1], { shards: 4 }))) as Workflow;
    expect(workflow.jobs.compat.strategy?.matrix.shard).toEqual([1, 2, 3, 4]);
    expect(workflow.jobs.compat.steps.map((s) => s.run).filter(Boolean)).toEqual(['pnpm install --frozen-lockfile', compatShardCommand(recipe(MANAGERS[1]), '${{ matrix.shard }}', '4')]);
    const governance = workflow.jobs.governance;
    expect([governance.needs, governance.if]).toEqual(['compat', '${{ !cancelled() }}']);
    const commands = governanceCiCommands(recipe(MANAGERS[1]), 'summary');
    const runs = governance.steps.filter((s) => s.run && commands.includes(s.run));
    expect(runs.map((s) => s.run)).toEqual(commands);
    // The governance page is written after the report, into the uploaded reports folder.
    expect(commands[commands.length - 1]).toMatch(/ run \S+:page --output=reports\/governance-page\.html$/);
    expect(runs.slice(1).map((s) => s.if)).toEqual(commands.slice(1).map(() => '${{ !cancelled() }}'));
    const upload = governance.steps.find((s) => s.uses === 'actions/upload-artifact@v7');
    expect(upload).toEqual({ uses: 'actions/upload-artifact@v7', if: '${{ !cancelled() }}', with: { name: 'governance-evidence', path: 'reports/\nevidence/\n' } });
    const last = governance.steps[governance.steps.length - 1];
    expect(last.if).toBe("${{ !cancelled() && needs.compat.result != 'success' }}");
    expect(last.run).toContain('exit 1');
  });
});

describe('the GitLab CI pipeline', () => {
  const schema = JSON.parse(readFileSync(join(__dirname, '../../../test-fixtures/gitlab-ci.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

  it.each(MANAGERS.map((m) => [`${m.name}${m.version ? `@${m.version}` : ''}`, m] as const))("validates against GitLab's CI schema with %s", (_, manager) => {
    const pipeline = parse(renderGitlabCi(recipe(manager))) as unknown;
    expect(validate(pipeline) ? [] : validate.errors).toEqual([]);
  });

  it('the schema check can fail', () => {
    const broken = parse(renderGitlabCi(recipe(MANAGERS[0])).replace('parallel: 3', 'parallel: many')) as unknown;
    expect(validate(broken)).toBe(false);
  });

  it('shards compat with parallel, then runs every governance command, failing at the end when any failed', () => {
    type Job = { stage: string; script: string[]; when?: string; parallel?: number; artifacts: { when: string; reports?: { junit: string } } };
    const pipeline = parse(renderGitlabCi(recipe(MANAGERS[1], { shards: 5 }))) as Record<string, Job> & { default: { before_script: string[] }; workflow: { rules: Array<{ if: string }> } };
    expect(pipeline.compat.parallel).toBe(5);
    expect(pipeline.compat.script).toEqual([compatShardCommand(recipe(MANAGERS[1]), '$CI_NODE_INDEX', '$CI_NODE_TOTAL')]);
    expect(pipeline.governance.when).toBe('always');
    expect(pipeline.governance.script).toEqual(['status=0', ...governanceCiCommands(recipe(MANAGERS[1]), 'file').map((c) => `${c}${GITLAB_KEEP_GOING}`), 'exit $status']);
    expect(pipeline.governance.artifacts).toMatchObject({ when: 'always', reports: { junit: 'reports/governance-junit.xml' } });
    expect(pipeline.default.before_script).toContain('pnpm install --frozen-lockfile');
    expect(pipeline.workflow.rules.map((r) => r.if)).toContain('$CI_COMMIT_BRANCH == "trunk"');
  });
});

describe('the base branch', () => {
  it("is nx.json's defaultBase as a branch name, main when unset", () => {
    expect(baseBranch({ defaultBase: 'origin/develop' })).toBe('develop');
    expect(baseBranch({ affected: { defaultBase: 'master' } })).toBe('master');
    expect(baseBranch({})).toBe('main');
    expect(baseBranch(null)).toBe('main');
  });
});

describe('the evidence the recipes upload', () => {
  it("is the folder governance.json names, not the default's", () => {
    const options = recipe({ name: 'npm', install: 'npm ci', exec: 'npx' }, { evidence: { paths: { milestones: 'm', evidence: 'ops/evidence', docs: 'd' } } });
    const workflow = parse(renderGithubWorkflow(options)) as Workflow;
    const uploads = (job: string) => workflow.jobs[job].steps.filter((s) => s.uses === 'actions/upload-artifact@v7').map((s) => s.with?.path);
    expect(uploads('compat')).toEqual(['reports/\nops/evidence/compat/\n']);
    expect(uploads('governance')).toEqual(['reports/\nops/evidence/\n']);
    const pipeline = parse(renderGitlabCi(options)) as Record<string, { artifacts?: { paths?: string[] } }>;
    expect(pipeline.compat.artifacts?.paths).toEqual(['reports/', 'ops/evidence/compat/']);
    expect(pipeline.governance.artifacts?.paths).toEqual(['reports/', 'ops/evidence/']);
  });
});
