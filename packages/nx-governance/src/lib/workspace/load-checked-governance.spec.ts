import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

  // `init` names an existing Nx project as the core without a path (a path would make the plugin infer the core's targets).
  it.each([
    ['none', undefined, undefined],
    ['only the root Nx gives the core project', 'packages/core', 'packages/core'],
  ])("takes the core's folder from governance.json, else from Nx (core.path: %s)", (_name, coreRoot, expected) => {
    const { root, cleanup } = makeTempWorkspace();
    try {
      copyBundledGovernance(root);
      const settings = JSON.parse(readFileSync(join(root, 'governance/governance.json'), 'utf8'));
      delete settings.core.path;
      writeFiles(root, { 'governance/governance.json': JSON.stringify(settings) });
      const result = loadCheckedGovernance(diskFileReader(root), 'governance/governance.json', { projects: BUNDLED_PROJECTS, projectRoots: new Map(coreRoot ? [['loop', coreRoot]] : []) });
      expect(result.ok && result.data.settings.core?.path).toBe(expected);
    } finally {
      cleanup();
    }
  });

  it('keeps the folder governance.json gives the core over the one Nx gives', () => {
    const { root, cleanup } = makeTempWorkspace();
    try {
      copyBundledGovernance(root);
      const result = loadCheckedGovernance(diskFileReader(root), 'governance/governance.json', { projects: BUNDLED_PROJECTS, projectRoots: new Map([['loop', 'elsewhere']]) });
      expect(result.ok && result.data.settings.core?.path).toBe('loop');
    } finally {
      cleanup();
    }
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
