import type { TestWorkspace } from './workspace';

interface Playbook {
  releaseClasses: Array<{ id: string; gates: string[] }>;
  defaultReleaseClass: string;
  preReleaseChecklist: unknown[];
  rollbackTriggers: Array<{ kind: string }>;
}

/**
 * What a team sees straight after `nx add nx-governance` or `nx g
 * nx-governance:init` with no options, before it has defined anything: a
 * valid governance set, and every everyday command running green. Exit codes
 * and the lines a user reads, command by command, so a failure names the
 * command that broke day one.
 */
export function expectDayOneGreen(workspace: TestWorkspace): void {
  const playbook = JSON.parse(workspace.read('governance/playbook.json')) as Playbook;
  const defaultClass = playbook.releaseClasses.find((c) => c.id === playbook.defaultReleaseClass);
  expect(defaultClass?.gates.length).toBeGreaterThan(0);
  expect(playbook.preReleaseChecklist.length).toBeGreaterThan(0);
  expect(playbook.rollbackTriggers.map((t) => t.kind)).toEqual(['functional', 'compatibility']);
  expect(JSON.parse(workspace.read('governance/cadence.json')).activities.length).toBeGreaterThan(0);
  workspace.commit('governance from init');

  const run = (...args: string[]) => {
    const result = workspace.nx(...args);
    return { command: args.join(' '), code: result.code, output: result.output };
  };
  const validate = run('run', 'governance:validate');
  expect(validate).toMatchObject({ code: 0, output: expect.stringContaining('Governance is valid') });
  const gate = run('run', 'governance:gate');
  expect(gate).toMatchObject({ code: 0, output: expect.stringMatching(/All \d+ required gate\(s\) passed\./) });
  const sync = run('sync:check');
  expect(sync).toMatchObject({ code: 0, output: expect.stringContaining('All files are up to date') });
  workspace.commit('the first gate evidence');
  // Nothing to release yet names no version: refused, saying what to pass; with one, the release is judged.
  const noVersion = run('run', 'governance:release-readiness');
  expect(noVersion).toMatchObject({ code: 1, output: expect.stringContaining('No release version: pass --releaseVersion=<version>') });
  const readiness = run('run', 'governance:release-readiness', '--releaseVersion=0.1.0');
  expect(readiness).toMatchObject({ code: 0, output: expect.stringContaining('Verdict: GO') });
}
