import type { CreateNodesContext, TargetConfiguration } from '@nx/devkit';
import { copyBundledGovernance, makeTempWorkspace, writeFiles } from '../test-helpers/temp-workspace';
import { createNodes } from './plugin';

describe('the page target', () => {
  const { root, cleanup } = makeTempWorkspace();
  copyBundledGovernance(root);
  writeFiles(root, { 'package.json': JSON.stringify({ name: 'governed', devDependencies: { nx: '24.0.0', 'nx-governance': '0.1.0' } }) });
  afterAll(cleanup);

  const targets = async (): Promise<Record<string, TargetConfiguration>> => {
    const context: CreateNodesContext = { workspaceRoot: root, nxJsonConfiguration: {} };
    const results = await createNodes[1](['governance/governance.json'], undefined, context);
    return Object.assign({}, ...results.map(([, r]) => r.projects)).governance.targets;
  };

  it('is cached on the data, the evidence, every gate input, today and the plugin, and outputs the page and its model', async () => {
    const all = await targets();
    const page = all.page;
    expect(page).toMatchObject({ executor: 'nx-governance:page', cache: true, outputs: ['{options.output}', '{options.json}'], options: { output: 'reports/governance-page.html' } });
    const inputs = page.inputs ?? [];
    expect(inputs).toEqual(expect.arrayContaining([all.validate.inputs![0], '{workspaceRoot}/evidence/**/*', { runtime: expect.stringContaining('toISOString().slice(0,10)') }, { externalDependencies: ['nx-governance'] }]));
    // What decides whether a gate's record is current decides the page: every gate input, each once.
    for (const gate of ['VG-LOOP-BUILD-001', 'VG-CONTRACT-001']) {
      for (const input of all[gate].inputs ?? []) if (!(typeof input === 'object' && 'dependentTasksOutputFiles' in input)) expect(inputs).toContainEqual(input);
    }
    expect(new Set(inputs.map((i) => JSON.stringify(i))).size).toBe(inputs.length);
    expect(inputs.some((i) => typeof i === 'object' && 'dependentTasksOutputFiles' in i)).toBe(false);
  });
});
