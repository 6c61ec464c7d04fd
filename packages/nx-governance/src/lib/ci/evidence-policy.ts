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
    // Anchored: a bare reports/ would also hide any project folder named reports.
    '/reports/',
    '',
  ].join('\n');
}

/** .gitignore with the policy appended once; an edited policy block is left as the user keeps it. */
export function withEvidencePolicy(gitignore: string, evidence: string): string {
  if (gitignore.includes(POLICY_START)) return gitignore;
  const base = gitignore === '' || gitignore.endsWith('\n') ? gitignore : `${gitignore}\n`;
  return `${base}${base ? '\n' : ''}${evidencePolicyIgnores(evidence)}`;
}
