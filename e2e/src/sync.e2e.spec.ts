import { TestWorkspace } from '../helpers/workspace';

describe('rendered documents kept in sync with the data (nx sync, nx sync:check)', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());

  it('passes sync:check on the bundled workspace', () => {
    const check = workspace.nx('sync:check');
    expect(check.code).toBe(0);
  });

  it('fails sync:check after a data edit, and passes after nx sync', () => {
    workspace.edit('governance/compatibility.json', '"deprecationLeadTimeDays": 30', '"deprecationLeadTimeDays": 45');
    const stale = workspace.nx('sync:check');
    expect(stale.code).not.toBe(0);
    expect(stale.output).toContain('Rendered governance documents are out of date with the data: docs/execution-plan/COMPATIBILITY-MATRIX.md');
    expect(workspace.nx('sync').code).toBe(0);
    expect(workspace.read('docs/execution-plan/COMPATIBILITY-MATRIX.md')).toContain('- Deprecation lead time: 45 days');
    expect(workspace.nx('sync:check').code).toBe(0);
  });

  it('shows the tier of a new compatibility result after nx sync', () => {
    expect(workspace.read('docs/execution-plan/COMPATIBILITY-MATRIX.md')).toContain('| 0.4.2 | io-rflx | 1.3.0 | untested |');
    expect(workspace.nx('run', 'io-rflx:compat').code).toBe(0);
    expect(workspace.nx('sync:check').code).not.toBe(0);
    expect(workspace.nx('sync').code).toBe(0);
    expect(workspace.read('docs/execution-plan/COMPATIBILITY-MATRIX.md')).toMatch(/\| 0\.4\.2 \| io-rflx \| 1\.3\.0 \| supported \| 5 test\(s\) passed, 0 skipped \(\d{4}-\d\d-\d\d\) \| `evidence\/compat\/io-rflx\/latest\.json` \|/);
    const query = workspace.nx('run', 'governance:compat-query', '--core=0.4.2', '--consumer=io-rflx@1.3.0');
    expect(query.code).toBe(0);
    expect(query.output).toContain('io-rflx 1.3.0 with 0.4.2: supported: 5 test(s) passed, 0 skipped');
  });

  it('renders the same matrix in a fresh clone, which has the committed latest result and no local history', () => {
    // init's evidence policy: the latest result is committed, the history stays local.
    workspace.write('.gitignore', `${workspace.read('.gitignore')}evidence/compat/*/results/\nevidence/compat/*/logs/\n`);
    workspace.commit('the compat result and the matrix it renders');
    const clone = workspace.cloneTo();
    try {
      expect(clone.exists('evidence/compat/io-rflx/latest.json')).toBe(true);
      expect(clone.exists('evidence/compat/io-rflx/results')).toBe(false);
      const check = clone.nx('sync:check');
      expect([check.code, check.output]).toEqual([0, expect.any(String)]);
    } finally {
      clone.remove();
    }
  });
});
