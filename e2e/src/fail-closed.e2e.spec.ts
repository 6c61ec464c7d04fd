import { tasksExecuted, TestWorkspace } from '../helpers/workspace';

/**
 * Issue 10: no gate, compat run or trigger may pass without the work that
 * earns it. One case per defect found on main, each on the bundled workspace
 * (reset to its first commit between cases) with the real nx binary.
 */
describe('fail closed', () => {
  let workspace: TestWorkspace;
  beforeAll(() => (workspace = TestWorkspace.create()));
  afterAll(() => workspace.remove());
  afterEach(() => {
    workspace.git('reset', '-q', '--hard', 'HEAD');
    // Evidence and stray files from the case; the Nx cache (.nx, ignored) stays, as it would for a user.
    workspace.git('clean', '-fdq');
  });

  const json = (path: string) => JSON.parse(workspace.read(path));
  const editJson = (path: string, edit: (data: any) => void) => {
    const data = json(path);
    edit(data);
    workspace.write(path, `${JSON.stringify(data, null, 2)}\n`);
  };
  const addGate = (gate: object) => editJson('governance/gates.json', (d) => d.gates.push({ title: 'e2e', scope: 'e2e', owner: 'release-manager', kind: 'command', ...gate }));
  /** A project whose `check` target passes or fails by the content of status.txt (an input, so a change re-runs it). */
  const writeCheckProject = (status: 'pass' | 'fail') => {
    workspace.write('checks/project.json', JSON.stringify({ name: 'checks', targets: { check: { executor: 'nx:run-commands', cache: true, inputs: ['{projectRoot}/**/*'], options: { command: 'node checks/check.js' } } } }));
    workspace.write('checks/check.js', "const s = require('fs').readFileSync(__dirname + '/status.txt', 'utf8').trim(); console.log('check says ' + s); process.exit(s === 'pass' ? 0 : 4);\n");
    workspace.write('checks/status.txt', `${status}\n`);
  };

  it('1. broken gates.json and playbook.json fail the gate run, naming the files', () => {
    workspace.write('governance/gates.json', '{ "gates": [ \n');
    workspace.write('governance/playbook.json', '{ "roles": \n');
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/governance\/gates\.json:\d+/);
    expect(run.output).toMatch(/governance\/playbook\.json:\d+/);
    expect(run.output).not.toContain('No gate to run');
  });

  it('1. a broken playbook.json alone fails instead of running every gate', () => {
    workspace.write('governance/playbook.json', '{ "roles": [], }');
    const run = workspace.nx('run', 'governance:gate');
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/governance\/playbook\.json:1/);
    expect(tasksExecuted(run).filter((t) => t.startsWith('governance:VG-'))).toEqual([]);
  });

  it('2. an impossible date in compatibility.json keeps the projects and fails the compat gate', () => {
    workspace.edit('governance/compatibility.json', '"date": "2026-02-19"', '"date": "2026-02-30"');
    const projects = workspace.nx('show', 'projects');
    expect(projects.code).toBe(0);
    expect(projects.stdout.split('\n').filter(Boolean).sort()).toEqual(expect.arrayContaining(['governance', 'io-rflx', 'loop', 'loop-agent', 'rlm-claude-code']));
    const gate = workspace.nx('run', 'governance:VG-COMPAT-001');
    expect(gate.code).not.toBe(0);
    expect(gate.output).toMatch(/governance\/compatibility\.json:\d+: releases\[1\]\.date/);
  });

  it('3. validate is not restored as valid after a consumer file or a project name changes', () => {
    expect(workspace.nx('run', 'governance:validate').code).toBe(0);
    workspace.write('vendor/evil/project.json', JSON.stringify({ name: 'evil', targets: {} }));
    workspace.write('vendor/evil/governance.consumer.json', JSON.stringify({ name: 'io-rflx', project: 'evil', test: { argv: ['node', '-e', "console.log('1 passed, 0 failed')"] } }));
    const claimed = workspace.nx('run', 'governance:validate');
    expect(claimed.code).not.toBe(0);
    expect(claimed.output).toContain('consumer io-rflx is declared twice');
    workspace.delete('vendor/evil');
    expect(workspace.nx('run', 'governance:validate').code).toBe(0);
    workspace.write('vendor/rlm-claude-code/project.json', JSON.stringify({ name: 'rlm-renamed' }));
    const renamed = workspace.nx('run', 'governance:validate');
    expect(renamed.code).not.toBe(0);
    expect(renamed.output).toContain('"rlm-claude-code", which does not exist');
  });

  it('4. a step naming a missing project or target, or the gate itself, is a validate error and a failing gate', () => {
    addGate({ id: 'VG-E2E-MISSING-001', steps: [{ target: 'io-rflx:nosuchtarget' }], inputs: [] });
    addGate({ id: 'VG-E2E-NOPROJECT-001', steps: [{ target: 'nosuchproject:build' }], inputs: [] });
    addGate({ id: 'VG-E2E-SELF-001', steps: [{ target: 'governance:VG-E2E-SELF-001' }], inputs: [] });
    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.code).not.toBe(0);
    expect(validate.output).toMatch(/governance\/gates\.json:\d+: gates\[7\]\.steps\[0\]\.target: project io-rflx has no target "nosuchtarget"/);
    expect(validate.output).toMatch(/governance\/gates\.json:\d+: gates\[8\]\.steps\[0\]\.target: unknown Nx project "nosuchproject"/);
    expect(validate.output).toMatch(/governance\/gates\.json:\d+: gates\[9\]\.steps\[0\]\.target: .*gate/);
    for (const id of ['VG-E2E-MISSING-001', 'VG-E2E-NOPROJECT-001']) {
      const run = workspace.nx('run', `governance:${id}`);
      expect(run.code).not.toBe(0);
      expect(workspace.exists(`evidence/gates/${id}/latest.json`) ? json(`evidence/gates/${id}/latest.json`).record.result : 'none').not.toBe('pass');
    }
  });

  it('5. a gate whose Nx target step fails records fail, naming the target, and replaces the earlier pass', () => {
    writeCheckProject('pass');
    addGate({ id: 'VG-E2E-STEP-001', steps: [{ target: 'checks:check' }], inputs: [] });
    workspace.commit('a gate over an Nx target');
    expect(workspace.nx('run', 'governance:VG-E2E-STEP-001').code).toBe(0);
    expect(json('evidence/gates/VG-E2E-STEP-001/latest.json').record.result).toBe('pass');
    workspace.write('checks/status.txt', 'fail\n');
    const run = workspace.nx('run', 'governance:VG-E2E-STEP-001');
    expect(run.code).not.toBe(0);
    const latest = json('evidence/gates/VG-E2E-STEP-001/latest.json').record;
    expect(latest.result).toBe('fail');
    expect(latest.notes.join(' ')).toContain('checks:check');
    const step = latest.steps.find((s: { target?: string }) => s.target === 'checks:check');
    // The code Nx reports for the task (nx:run-commands reports 1 for any failing command).
    expect(step.exitCode).toEqual(expect.any(Number));
    expect(step.exitCode).not.toBe(0);
    expect(step.tail.join('\n')).toContain('check says fail');
  });

  it('6. a command gate without declared inputs re-runs when the script it runs changes', () => {
    workspace.write('scripts/check.js', "console.log('1 passed, 0 failed');\n");
    addGate({ id: 'VG-E2E-CMD-001', steps: [{ argv: ['node', 'scripts/check.js'] }] });
    addGate({ id: 'VG-E2E-NPM-001', steps: [{ argv: ['node', 'check.js'] }] });
    workspace.write('check.js', "process.exit(0);\n");
    workspace.commit('command gates without inputs');
    expect(workspace.nx('run', 'governance:VG-E2E-CMD-001').code).toBe(0);
    expect(workspace.nx('run', 'governance:VG-E2E-NPM-001').code).toBe(0);
    workspace.write('scripts/check.js', 'process.exit(1);\n');
    workspace.write('check.js', 'process.exit(1);\n');
    expect(workspace.nx('run', 'governance:VG-E2E-CMD-001').code).not.toBe(0);
    expect(workspace.nx('run', 'governance:VG-E2E-NPM-001').code).not.toBe(0);
  });

  it('10. a consumer whose folder is missing is a validate error, and the gate run names it', () => {
    workspace.delete('vendor/loop-agent');
    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.code).not.toBe(0);
    expect(validate.output).toMatch(/governance\/compatibility\.json:\d+: consumers\[1\]\.path: .*vendor\/loop-agent/);
    const gate = workspace.nx('run', 'governance:gate');
    expect(gate.code).not.toBe(0);
    expect(gate.output).toMatch(/governance\/compatibility\.json:\d+: consumers\[1\]\.path/);
  });

  // Where the core can still be read from the broken file it keeps its targets; otherwise the rest of the workspace still works.
  it.each([
    ['a trailing brace', (text: string) => `${text}}`, true],
    ['a byte-order mark', (text: string) => `\ufeff${text}`, true],
    ['an empty file', () => '', false],
    ['deep nesting', () => `${'['.repeat(5000)}${']'.repeat(5000)}`, false],
  ])('11. %s in governance.json leaves the workspace working and fails the governance targets', (_name, breakIt, coreReadable) => {
    workspace.write('governance/governance.json', breakIt(workspace.read('governance/governance.json')));
    const projects = workspace.nx('show', 'projects');
    expect(projects.code).toBe(0);
    expect(projects.stdout).toContain('governance');
    expect(projects.stdout).toContain('io-rflx');
    if (coreReadable) {
      const loop = workspace.nx('show', 'project', 'loop', '--json');
      expect(loop.code).toBe(0);
      expect(Object.keys(JSON.parse(loop.stdout).targets)).toEqual(expect.arrayContaining(['build', 'test']));
    }
    const validate = workspace.nx('run', 'governance:validate');
    expect(validate.code).not.toBe(0);
    expect(validate.output).toMatch(/governance\/governance\.json(:\d+)?: /);
  });
});
