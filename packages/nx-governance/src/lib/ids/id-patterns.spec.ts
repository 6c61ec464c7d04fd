import { CUSTOM_IDS } from '../../test-helpers/custom-ids';
import { compileIdPatterns, DEFAULT_ID_PATTERNS, idPatternProblem } from './id-patterns';
import { nextIdAfter, nextMilestoneId, nextTaskId } from './next-id';

const defaults = compileIdPatterns();
const custom = compileIdPatterns(CUSTOM_IDS);

describe('id patterns', () => {
  it('accepts the default forms and the configured ones, whole ids only', () => {
    expect(['VG-CONTRACT-001', 'M6', 'M6-T01'].map((id, i) => defaults.matches((['gate', 'milestone', 'task'] as const)[i], id))).toEqual([true, true, true]);
    expect(defaults.matches('milestone', 'M6-T01')).toBe(false);
    expect(custom.matches('task', 'REL-3.1')).toBe(true);
    expect(custom.matches('task', 'xREL-3.1')).toBe(false);
  });

  it('matches on a linear-time engine: a pattern that backtracks exponentially on V8 answers an id one character off at once', () => {
    const words = compileIdPatterns({ ...DEFAULT_ID_PATTERNS, gate: '^([A-Z0-9]+-?)+$' });
    expect(words.matches('gate', 'VGCONTRACTRELEASEGATE0001ALLCHECKSGOODd')).toBe(false);
    expect(words.problem('gate', 'VGCONTRACTRELEASEGATE0001ALLCHECKSGOODd')).toBe('found "VGCONTRACTRELEASEGATE0001ALLCHECKSGOODd", expected a gate id: an id matching ^([A-Z0-9]+-?)+$ (ids.gate in governance/governance.json)');
    expect(words.findIn('gate', `${'A-'.repeat(5000)}a and VG-CONTRACT-001.`)).toEqual(['VG-CONTRACT-001']);
  });

  it('reads which milestone a task belongs to from its milestone group', () => {
    expect(defaults.milestoneOf('M6-T01')).toBe('M6');
    expect(custom.milestoneOf('REL-3.12')).toBe('REL-3');
    expect(custom.milestoneOf('M6-T01')).toBeUndefined();
  });

  it('never takes an unsafe or reserved id, whatever the pattern', () => {
    const loose = compileIdPatterns({ ...DEFAULT_ID_PATTERNS, gate: '^[a-z-]*[a-z]$' });
    expect(loose.problem('gate', 'gate-m6')).toBe('found "gate-m6", expected a gate id that is not the name of a governance target (gate, validate, attest, verify-evidence, compat-run, report, compat-query, cadence, rollback-check, release-readiness, prune-evidence, gate-<scope>)');
  });

  it('finds ids in prose: the default gate form ends at its number, a configured one at the word', () => {
    expect(defaults.findIn('gate', 'VG-X-001-M1-T02.md and VG-Y-002.')).toEqual(['VG-X-001', 'VG-Y-002']);
    expect(defaults.findIn('task', 'VG-X-001-M1-T02.md')).toEqual(['M1-T02']);
    expect(custom.findIn('task', 'see REL-3.1, then REL-3.2.')).toEqual(['REL-3.1', 'REL-3.2']);
    expect(custom.findIn('gate', 'GATE-BUILD-1 and VG-X-001')).toEqual(['GATE-BUILD-1']);
    expect(custom.findIn('task', 'REL-3.1.x REL-3.2..; (REL-3.3) xREL-3.4 REL-3.5_')).toEqual(['REL-3.2', 'REL-3.3']);
  });

  it.each([
    ['gate', '(', 'expected a regular expression RE2 reads (error parsing regexp: missing closing ): `(`)'],
    ['task', '^(?<milestone>R\\d+)(?:\\.\\d+){1,2}(?!-)$', 'expected a regular expression without lookarounds or backreferences (patterns run on RE2, a linear-time engine, so that no id can make a command hang), but it has "(?!"'],
    ['gate', '^(?<![A-Z])G-\\d+$', 'expected a regular expression without lookarounds or backreferences (patterns run on RE2, a linear-time engine, so that no id can make a command hang), but it has "(?<!"'],
    ['gate', '^(G)-\\1$', 'expected a regular expression without lookarounds or backreferences (patterns run on RE2, a linear-time engine, so that no id can make a command hang), but it has "\\\\1"'],
    ['gate', 'G\\pL+', 'expected a pattern that allows only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but its "\\\\p" allows others'],
    ['milestone', '\\w*', 'expected a pattern that matches no empty id'],
    ['gate', '[a-z/]+', 'expected a pattern that matches only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but it matches "a/b"'],
    ['gate', 'G[A-Z/]+', 'expected a pattern that allows only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but its "[/]" allows others'],
    ['gate', 'G[^x]+', 'expected a pattern that allows only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but its "[^" allows others'],
    ['gate', 'G\\S+', 'expected a pattern that allows only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but its "\\\\S" allows others'],
    ['milestone', 'R:\\d+', 'expected a pattern that allows only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but its ":" allows others'],
    ['task', 'M\\d+-T\\d+', 'expected a pattern with a group (?<milestone>...) that captures the id of the task\'s milestone, e.g. ^(?<milestone>M\\d+)-T\\d+$'],
  ] as const)('refuses the %s pattern %j', (kind, source, problem) => {
    expect(idPatternProblem(kind, source)).toBe(problem);
  });

  it.each([
    ['gate', DEFAULT_ID_PATTERNS.gate],
    ['milestone', DEFAULT_ID_PATTERNS.milestone],
    ['task', DEFAULT_ID_PATTERNS.task],
    ['gate', CUSTOM_IDS.gate],
    ['milestone', CUSTOM_IDS.milestone],
    ['task', CUSTOM_IDS.task],
    ['task', '^(?<milestone>R\\d+)(?:\\.\\d+){1,2}$'],
    ['gate', '^\\(?=X'],
  ] as const)('accepts the %s pattern %s', (kind, source) => {
    expect(idPatternProblem(kind, source)).toBeUndefined();
  });
});

describe('next ids', () => {
  it.each([
    [['M6'], 'M7'],
    [['M9', 'M10'], 'M11'],
    [['M7-T01', 'M7-T09'], 'M7-T10'],
    [['REL-3.2', 'REL-3.10'], 'REL-3.11'],
  ])('after %j comes %s', (ids, next) => {
    expect(nextIdAfter(ids)).toBe(next);
  });

  it('starts a milestone at its first card of the configured form, or says it cannot', () => {
    expect(nextTaskId(defaults, 'M7', [])).toEqual({ ok: true, id: 'M7-T01' });
    expect(nextTaskId(custom, 'REL-4', [])).toEqual({ ok: true, id: 'REL-4.1' });
    expect(nextMilestoneId(custom, [])).toEqual({
      ok: false,
      reason: 'cannot tell the next milestone id when there is none yet, expected one given with --id: an id matching ^REL-\\d+$ (ids.milestone in governance/governance.json)',
    });
  });
});
