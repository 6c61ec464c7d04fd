import { BUNDLED_PROJECTS, copyBundledGovernance, makeTempWorkspace, writeFiles } from '../../test-helpers/temp-workspace';
import { formatDiagnostic } from '../diagnostics';
import { diskFileReader } from './file-reader';
import { loadCheckedGovernance } from './load-checked-governance';

function load(files: Record<string, string> = {}, projects = BUNDLED_PROJECTS) {
  const { root, cleanup } = makeTempWorkspace();
  try {
    copyBundledGovernance(root);
    writeFiles(root, files);
    return loadCheckedGovernance(diskFileReader(root), 'governance/governance.json', { projects });
  } finally {
    cleanup();
  }
}

describe('loadCheckedGovernance', () => {
  it('gives the data and the resolved consumers when every rule holds', () => {
    const result = load();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.consumers.map((c) => c.name)).toEqual(['io-rflx', 'loop-agent', 'rlm-claude-code']);
  });

  it.each([
    ['a broken data file', { 'governance/playbook.json': '{ "roles": [], }' }, BUNDLED_PROJECTS, 'governance/playbook.json:1: invalid JSON'],
    ['a rule across files', { 'governance/milestones/M6.md': '# M6\n\n### M6-T01 x\n- Required gates: VG-NOPE-001\n' }, BUNDLED_PROJECTS, 'unknown gate VG-NOPE-001'],
    ['a project that does not exist', {}, new Map([['governance', ['validate']]]), 'unknown Nx project "loop"'],
  ])('gives only the errors, never data, for %s', (_name, files, projects, message) => {
    const result = load(files, projects);
    expect(result.ok).toBe(false);
    expect('data' in result).toBe(false);
    if (!result.ok) expect(result.errors.map(formatDiagnostic).join('\n')).toContain(message);
  });
});
