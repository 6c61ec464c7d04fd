import { requestedOf, requestedOption, requestedTargets } from './requested-targets';

const nx = (...args: string[]) => ['/usr/bin/node', '/w/node_modules/nx/dist/bin/nx.js', ...args];

describe('requestedTargets', () => {
  it.each([
    [nx('run', 'governance:gate'), ['gate']],
    [nx('run', 'governance:VG-X-001', '--junit=x.xml'), ['VG-X-001']],
    [nx('run', 'governance:VG-X-001:ci'), ['VG-X-001']],
    [nx('run', 'loop:build'), []],
    [nx('gate-R3', 'governance'), ['gate-R3']],
    [nx('governance:gate-M6'), ['gate-M6']],
    [nx('run-many', '-t', 'gate-R2,VG-A-001'), ['gate-R2', 'VG-A-001']],
    [nx('run-many', '--targets=gate', '--projects=governance,loop'), ['gate']],
    // Which projects Nx selected is the tasks' to say, not the command line's: a pattern, a tag or an exclusion may name governance.
    [nx('run-many', '-t', 'gate', '-p', 'gov*'), ['gate']],
    [nx('run-many', '-t', 'gate', '-p', 'tag:governance', '--exclude=loop'), ['gate']],
    [nx('affected', '--target', 'VG-A-001', '--configuration=ci'), ['VG-A-001']],
  ])('%j', (argv, expected) => {
    expect([...requestedOf(requestedTargets(argv), 'governance')].sort()).toEqual([...expected].sort());
  });
});

describe('requestedOption', () => {
  it.each([
    [nx('run', 'governance:gate', '--json=r.json'), 'r.json'],
    [nx('run', 'governance:gate', '--json', 'r.json'), 'r.json'],
    // Alone, for standard output: before another option, or last.
    [nx('run', 'governance:gate', '--json', '--junit=j.xml'), ''],
    [nx('run', 'governance:gate', '--json'), ''],
    [nx('run', 'governance:gate'), undefined],
  ])('%j', (argv, expected) => {
    expect(requestedOption(argv, '--json')).toBe(expected);
  });
});
