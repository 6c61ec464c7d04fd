import { formatDiagnostic } from '../diagnostics';
import { diskFileReader } from '../workspace/file-reader';
import { makeTempWorkspace } from '../../test-helpers/temp-workspace';
import { CUSTOM_IDS, customIdFiles, customIdGates, customIdMilestone, customIdSettings } from '../../test-helpers/custom-ids';
import { validateGovernance } from './validate-governance';

function validate(overrides: Record<string, string> = {}): string[] {
  const { root, cleanup } = makeTempWorkspace(customIdFiles(overrides));
  try {
    const result = validateGovernance(diskFileReader(root), 'governance/governance.json');
    return [...result.errors, ...result.warnings].map(formatDiagnostic);
  } finally {
    cleanup();
  }
}

const settings = (ids: Partial<typeof CUSTOM_IDS>) => ({ 'governance/governance.json': customIdSettings({ ...CUSTOM_IDS, ...ids }) });

describe('id patterns configured in governance.json', () => {
  it('accepts GATE- gates, REL-<n> milestones and REL-<n>.<m> tasks', () => {
    expect(validate()).toEqual([]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'a gate id of the default form',
      { 'governance/gates.json': customIdGates('VG-BUILD-001'), 'governance/milestones/REL-3.md': customIdMilestone('### REL-3.1 Build it\n\n- Goal: build.\n') },
      ['governance/gates.json:5: gates[0].id: found "VG-BUILD-001", expected a gate id: an id matching ^GATE-[A-Z0-9-]+$ (ids.gate in governance/governance.json)'],
    ],
    [
      'a required gate of another form',
      { 'governance/milestones/REL-3.md': customIdMilestone('### REL-3.1 Build it\n\n- Goal: build.\n- Required gates: GATE-BUILD-1, VG-BUILD-001\n') },
      ['governance/milestones/REL-3.md:12: REL-3.1.requiredGates: found "VG-BUILD-001", expected a gate id: an id matching ^GATE-[A-Z0-9-]+$ (ids.gate in governance/governance.json)'],
    ],
    [
      'a task of another milestone',
      { 'governance/milestones/REL-3.md': customIdMilestone('### REL-4.1 Build it\n\n- Goal: build.\n') },
      ['governance/milestones/REL-3.md:9: REL-4.1: task card REL-4.1 belongs to milestone REL-4, expected a card of REL-3 (a card\'s milestone is the (?<milestone>...) group of ids.task in governance/governance.json: ^(?<milestone>REL-\\d+)\\.\\d+$)'],
    ],
    [
      'a milestone title of the default form',
      { 'governance/milestones/REL-3.md': '# M3 - First release\n' },
      ['governance/milestones/REL-3.md:1: found "# M3 - First release", expected a first heading "# <milestone> - <title>" whose milestone is an id matching ^REL-\\d+$ (ids.milestone in governance/governance.json)'],
    ],
    [
      'an invalid regular expression',
      settings({ gate: '^GATE-(' }),
      ['governance/governance.json:7: ids.gate: found "^GATE-(", expected a regular expression RE2 reads (error parsing regexp: missing closing ): `^GATE-(`)'],
    ],
    [
      'a lookahead, which the linear-time engine has not',
      settings({ gate: '^GATE-(?!X)[A-Z]+$' }),
      ['governance/governance.json:7: ids.gate: found "^GATE-(?!X)[A-Z]+$", expected a regular expression without lookarounds or backreferences (patterns run on RE2, a linear-time engine, so that no id can make a command hang), but it has "(?!"'],
    ],
    [
      'a pattern that matches an empty id',
      settings({ milestone: '^(REL-\\d+)?$' }),
      ['governance/governance.json:8: ids.milestone: found "^(REL-\\\\d+)?$", expected a pattern that matches no empty id'],
    ],
    [
      'a pattern that matches a path',
      settings({ gate: '^GATE-.+$' }),
      ['governance/governance.json:7: ids.gate: found "^GATE-.+$", expected a pattern that allows only letters, digits, ".", "_" and "-", starting with a letter or digit (ids name files and Nx targets), but its "." allows others'],
    ],
    [
      'a gate pattern that matches a governance target',
      settings({ gate: '^[a-z][a-z-]*$' }),
      ['governance/governance.json:7: ids.gate: found "^[a-z][a-z-]*$", expected a pattern that does not match "gate": gates are targets of the governance project, beside its gate target'],
    ],
    [
      'a task pattern without a milestone group',
      settings({ task: '^REL-\\d+\\.\\d+$' }),
      ['governance/governance.json:9: ids.task: found "^REL-\\\\d+\\\\.\\\\d+$", expected a pattern with a group (?<milestone>...) that captures the id of the task\'s milestone, e.g. ^(?<milestone>M\\d+)-T\\d+$'],
    ],
    [
      'a milestone that is also a release class',
      {
        ...settings({ milestone: '^R\\d+$', task: '^(?<milestone>R\\d+)\\.\\d+$' }),
        'governance/milestones/REL-3.md': '# R1 - First\n\n## Task Cards\n\n### R1.1 Build it\n\n- Required gates: GATE-BUILD-1\n',
        'governance/playbook.json': JSON.stringify({ $schema: 's', roles: [{ id: 'release-manager', title: 'RM', owner: 'rm' }], releaseClasses: [{ id: 'R1', title: 'One', gates: ['GATE-BUILD-1'] }], defaultReleaseClass: 'R1', preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [{ step: 'Revert.', owner: 'release-manager' }] }),
      },
      ['governance/milestones/REL-3.md:1: R1: milestone R1 is also a release class of governance/playbook.json, expected ids that name one thing each (both would run as gate-R1)'],
    ],
    [
      'a milestone id that is also a task id',
      { ...settings({ milestone: '^REL-[\\d.]+$' }), 'governance/milestones/REL-3.md': customIdMilestone().replace('# REL-3 ', '# REL-3.1 ').replace('### REL-3.1 ', '### REL-3.1.1 ') },
      ['governance/milestones/REL-3.md:1: REL-3.1: milestone REL-3.1 is also a task id (an id matching ^(?<milestone>REL-\\d+)\\.\\d+$ (ids.task in governance/governance.json)), expected ids.milestone and ids.task to tell the two apart'],
    ],
    [
      'a milestone gate set of another form',
      {
        'governance/playbook.json': `${JSON.stringify({ $schema: 's', roles: [{ id: 'release-manager', title: 'RM', owner: 'rm' }], releaseClasses: [{ id: 'R1', title: 'One', gates: ['GATE-BUILD-1'] }], defaultReleaseClass: 'R1', preReleaseChecklist: [], goNoGo: [], rollbackTriggers: [], rollbackProcedure: [{ step: 'Revert.', owner: 'release-manager' }], minimumGatesPerMilestone: [{ milestone: 'M3', gates: ['GATE-BUILD-1'] }] }, null, 2)}\n`,
      },
      ['governance/playbook.json:31: minimumGatesPerMilestone[0].milestone: found "M3", expected a milestone id: an id matching ^REL-\\d+$ (ids.milestone in governance/governance.json)'],
    ],
  ])('refuses %s', (_name, overrides, expected) => {
    expect(validate(overrides)).toEqual(expected);
  });
});
