import { evidencePolicyIgnores, withEvidencePolicy } from './evidence-policy';

describe('the evidence policy', () => {
  it('keeps chains, logs and history local, and is appended once', () => {
    const once = withEvidencePolicy('node_modules\n', 'evidence');
    expect(once).toBe(`node_modules\n\n${evidencePolicyIgnores('evidence')}`);
    expect(withEvidencePolicy(once, 'evidence')).toBe(once);
    expect(once).toContain('evidence/gates/*/records/');
    expect(once).not.toMatch(/^evidence\/$/m);
    // The reports folder at the root only, never a project folder that happens to be called reports.
    expect(once).toMatch(/^\/reports\/$/m);
    expect(once).not.toMatch(/^reports\/$/m);
  });
});
