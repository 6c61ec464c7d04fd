import { evidencePolicyIgnores, governanceCiCommands, renderGithubWorkflow, withEvidencePolicy } from './github-workflow';

describe('the GitHub workflow', () => {
  const workflow = renderGithubWorkflow('governance');

  it('fetches the whole history, sets the affected base, and runs every governance command in order', () => {
    expect(workflow).toContain('fetch-depth: 0');
    expect(workflow).toContain('uses: nrwl/nx-set-shas@v4');
    const runs = [...workflow.matchAll(/^\s+- run: (.*)$/gm)].map((m) => m[1]);
    expect(runs).toEqual(['npm ci', ...governanceCiCommands('governance'), 'npx nx run governance:report --summary']);
  });

  it('uploads the JUnit report and the evidence whatever happened', () => {
    expect(workflow).toMatch(/- uses: actions\/upload-artifact@v4\n\s+if: always\(\)/);
    expect(workflow).toContain('reports/\n            evidence/');
  });
});

describe('the evidence policy', () => {
  it('keeps chains, logs and history local, and is appended once', () => {
    const once = withEvidencePolicy('node_modules\n', 'evidence');
    expect(once).toBe(`node_modules\n\n${evidencePolicyIgnores('evidence')}`);
    expect(withEvidencePolicy(once, 'evidence')).toBe(once);
    expect(once).toContain('evidence/gates/*/records/');
    expect(once).not.toMatch(/^evidence\/$/m);
  });
});
