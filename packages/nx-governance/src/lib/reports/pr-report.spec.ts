import { evidenceLinks, repositoryHostFromEnv } from './evidence-links';
import { comparePrEvidence, renderPrReport } from './pr-report';
import type { EvidenceSnapshot, Standing } from './pr-snapshot';

const pass = (evidence?: string): Standing => ({ result: 'pass', passed: true, ...(evidence ? { evidence } : {}) });
const fail = (result = 'fail'): Standing => ({ result, passed: false });
const snapshot = (gates: Record<string, Standing>, consumers: Record<string, Standing> = {}, tiers: Record<string, string> = {}): EvidenceSnapshot => ({
  gates: new Map(Object.entries(gates)),
  consumers: new Map(Object.entries(consumers)),
  tiers: new Map(Object.entries(tiers).map(([cell, tier]) => [cell, { core: '', consumer: '', consumerVersion: '', tier: tier as 'supported', why: '' }])),
});

describe('comparePrEvidence', () => {
  const report = comparePrEvidence(
    'origin/main',
    snapshot({ 'VG-A-001': pass('evidence/gates/VG-A-001/latest.md'), 'VG-B-001': fail(), 'VG-C-001': pass(), 'VG-D-001': fail('blocked') }, { 'io-rflx': fail('regressed') }, { 'io-rflx@1.3.0 with 0.4.2': 'unsupported' }),
    snapshot({ 'VG-A-001': pass(), 'VG-B-001': pass(), 'VG-C-001': fail(), 'VG-D-001': fail() }, { 'io-rflx': pass() }, { 'io-rflx@1.3.0 with 0.4.2': 'supported' }),
  );

  it('puts new failures first, then fixes, then what did not change', () => {
    expect(report.rows.map((r) => `${r.id} ${r.change}`)).toEqual([
      'VG-B-001 new failure',
      'io-rflx new failure',
      'VG-C-001 fixed',
      'VG-D-001 still failing',
      'VG-A-001 unchanged',
    ]);
    expect(report.newFailures).toBe(2);
    expect(report.tierChanges).toEqual([{ cell: 'io-rflx@1.3.0 with 0.4.2', base: 'supported', now: 'unsupported' }]);
  });

  it('shows a record that cannot be judged now (stale, unknown, none) as to run again, not as a new failure', () => {
    const stale: Standing = { result: 'stale', passed: false, reason: 'pass from 2026-12-01 is stale: its inputs changed', fix: 'nx run governance:VG-A-001' };
    const unknown: Standing = { result: 'unknown', passed: false, reason: 'no hash', fix: 'nx run governance:VG-B-001' };
    const failedUnknown: Standing = { ...unknown, recordedPass: false };
    const toRun = comparePrEvidence('main', snapshot({ 'VG-A-001': stale, 'VG-B-001': unknown, 'VG-C-001': fail(), 'VG-D-001': failedUnknown }), snapshot({ 'VG-A-001': pass(), 'VG-B-001': fail(), 'VG-C-001': pass(), 'VG-D-001': pass() }));
    // A record that said fail, though it cannot be tied to the inputs now, is still a failure.
    expect(toRun.rows.map((r) => `${r.id} ${r.change}`)).toEqual(['VG-C-001 new failure', 'VG-D-001 new failure', 'VG-A-001 to run again', 'VG-B-001 to run again']);
    expect([toRun.newFailures, toRun.toRunAgain]).toEqual([2, 2]);
    const markdown = renderPrReport(toRun);
    expect(markdown).toContain('**2 new failures.** 2 to run again: their records cannot be judged now (see What to run).');
    expect(markdown).toContain('| gate | VG-A-001 | stale | pass | to run again |');
  });

  it('counts a gate the base did not define as not passing there', () => {
    const added = comparePrEvidence('main', snapshot({ 'VG-NEW-001': pass() }), snapshot({}));
    expect(added.rows[0]).toMatchObject({ change: 'fixed', base: { result: 'not defined' } });
  });

  it('renders links to the evidence, and data that cannot break the table', () => {
    const markdown = renderPrReport(comparePrEvidence('main|x\n- Result: pass', snapshot({ 'VG-A|001\n| fake | row |': pass('evidence/gates/VG A/latest.md') }), snapshot({})));
    expect(markdown).toContain('[pass](evidence/gates/VG%20A/latest.md)');
    expect(markdown.split('\n').filter((line) => line.startsWith('| gate'))).toHaveLength(1);
    expect(markdown).not.toMatch(/^- Result: pass/m);
  });

  it('counts in words that agree with the number', () => {
    const one = comparePrEvidence('main', snapshot({ 'VG-A-001': fail() }), snapshot({ 'VG-A-001': pass() }));
    const two = comparePrEvidence('main', snapshot({ 'VG-A-001': fail(), 'VG-B-001': fail() }), snapshot({ 'VG-A-001': pass(), 'VG-B-001': pass() }));
    expect(renderPrReport(one)).toContain('**1 new failure.**');
    expect(renderPrReport(two)).toContain('**2 new failures.**');
  });
});

describe('links to the evidence', () => {
  const report = comparePrEvidence('origin/main', snapshot({ 'VG-A-001': pass('evidence/gates/VG-A-001/latest.md') }), snapshot({ 'VG-A-001': pass('evidence/gates/VG-A-001/latest.md') }));
  const row = (markdown: string) => markdown.split('\n').find((line) => line.startsWith('| gate'));

  it('are absolute, at the head and at the base commit, where GitHub Actions says where the repository lives', () => {
    const host = repositoryHostFromEnv({ GITHUB_SERVER_URL: 'https://github.example', GITHUB_REPOSITORY: 'team/repo' });
    const links = evidenceLinks(host, { head: 'h1', base: 'b0' });
    expect(row(renderPrReport(report, links))).toBe(
      '| gate | VG-A-001 | [pass](https://github.example/team/repo/blob/h1/evidence/gates/VG-A-001/latest.md) | [pass](https://github.example/team/repo/blob/b0/evidence/gates/VG-A-001/latest.md) | unchanged |',
    );
  });

  it("use GitLab's project address there", () => {
    const host = repositoryHostFromEnv({ CI_PROJECT_URL: 'https://gitlab.example/team/repo' });
    expect(evidenceLinks(host, { head: 'h1', base: 'b0' }).base('evidence/a b.md')).toBe('https://gitlab.example/team/repo/-/blob/b0/evidence/a%20b.md');
  });

  it('are relative elsewhere, and the base, which no relative path can show, is not linked as if it were now', () => {
    expect(repositoryHostFromEnv({})).toBeUndefined();
    expect(row(renderPrReport(report, evidenceLinks(undefined, { head: 'h1', base: 'b0' })))).toBe('| gate | VG-A-001 | [pass](evidence/gates/VG-A-001/latest.md) | pass | unchanged |');
  });
});
