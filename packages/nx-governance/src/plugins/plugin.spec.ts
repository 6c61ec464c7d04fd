import type { CreateNodesContext } from '@nx/devkit';
import { copyBundledGovernance, makeTempWorkspace, writeFiles } from '../test-helpers/temp-workspace';
import { createNodes } from './plugin';

const [glob, createNodesFunction] = createNodes;

function contextFor(workspaceRoot: string): CreateNodesContext {
  return { workspaceRoot, nxJsonConfiguration: {} };
}

describe('createNodes', () => {
  let workspace: ReturnType<typeof makeTempWorkspace>;
  beforeEach(() => (workspace = makeTempWorkspace()));
  afterEach(() => workspace.cleanup());

  it('matches governance.json anywhere', () => {
    expect(glob).toBe('**/governance.json');
  });

  it('infers the governance project with a cached validate target and a gate target', async () => {
    copyBundledGovernance(workspace.root);
    const results = await createNodesFunction(['governance/governance.json'], undefined, contextFor(workspace.root));
    expect(results).toHaveLength(1);
    const [file, result] = results[0];
    expect(file).toBe('governance/governance.json');
    const project = result.projects?.['governance'];
    expect(project).toMatchObject({ name: 'governance', projectType: 'library', tags: ['governance'] });
    expect(Object.keys(project?.targets ?? {})).toEqual(['validate', 'gate']);
    const validate = project!.targets!['validate'];
    expect(validate).toMatchObject({
      executor: 'nx-governance:validate',
      cache: true,
      outputs: ['{options.json}'],
      options: { settingsFile: 'governance/governance.json' },
    });
    expect(validate.inputs?.slice(0, 2)).toEqual(['{projectRoot}/**/*.json', '{workspaceRoot}/governance/milestones/**/*.md']);
    // The plugin is outside this temporary workspace, so it counts as installed from npm.
    expect(validate.inputs?.slice(2)).toEqual([{ externalDependencies: ['nx-governance'] }]);
    expect(project!.targets!['gate']).toMatchObject({ dependsOn: ['validate'] });
  });

  it('follows the settings: project name, milestones folder, target names', async () => {
    writeFiles(workspace.root, {
      'ops/governance.json': JSON.stringify({ projectName: 'release-governance', core: { project: 'core' }, paths: { milestones: 'ops/plans' } }),
    });
    const [[, result]] = await createNodesFunction(['ops/governance.json'], { validateTargetName: 'check' }, contextFor(workspace.root));
    const project = result.projects?.['ops'];
    expect(project?.name).toBe('release-governance');
    expect(project?.targets?.['check']?.inputs?.[1]).toBe('{workspaceRoot}/ops/plans/**/*.md');
    expect(project?.targets?.['gate']?.dependsOn).toEqual(['check']);
  });

  it('still infers the project from broken settings, so validate can name the problem', async () => {
    writeFiles(workspace.root, { 'governance/governance.json': '{ "core": ' });
    const [[, result]] = await createNodesFunction(['governance/governance.json'], undefined, contextFor(workspace.root));
    expect(result.projects?.['governance']?.name).toBe('governance');
    expect(result.projects?.['governance']?.targets?.['validate']?.inputs?.[1]).toBe('{workspaceRoot}/governance/milestones/**/*.md');
  });

  it('adds targets to a project that already lives in the folder instead of naming a new one', async () => {
    copyBundledGovernance(workspace.root);
    writeFiles(workspace.root, { 'governance/project.json': '{ "name": "docs" }' });
    const [[, result]] = await createNodesFunction(['governance/governance.json'], undefined, contextFor(workspace.root));
    expect(result.projects?.['governance']?.name).toBeUndefined();
    expect(Object.keys(result.projects?.['governance']?.targets ?? {})).toEqual(['validate', 'gate']);
  });

  it('gives the same result for the same files (deterministic, no absolute paths)', async () => {
    copyBundledGovernance(workspace.root);
    const first = await createNodesFunction(['governance/governance.json'], undefined, contextFor(workspace.root));
    const second = await createNodesFunction(['governance/governance.json'], undefined, contextFor(workspace.root));
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(JSON.stringify(first)).not.toContain(workspace.root);
  });
});
