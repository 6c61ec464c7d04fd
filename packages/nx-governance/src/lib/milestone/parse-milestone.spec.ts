import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../diagnostics';
import { readRepoFile, REPO_ROOT } from '../../test-helpers/temp-workspace';
import type { MilestoneDocument } from './model';
import { parseMilestone } from './parse-milestone';
import { renderMilestone, renderTaskCard } from './render-milestone';
import { setTaskStatus } from './edit-milestone';

const SEED = readRepoFile('governance/milestones/M6.md');

function parseOk(source: string, file = 'M6.md'): { document: MilestoneDocument; problems: string[] } {
  const result = parseMilestone(file, source);
  if (!result.ok) throw new Error(result.diagnostics.map(formatDiagnostic).join('\n'));
  return { document: result.document, problems: result.diagnostics.map(formatDiagnostic) };
}

function card(source: string, id: string) {
  const found = parseOk(source).document.taskCards.find((c) => c.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
}

const doc = (cards: string, extra = '') => `# M7 - Next\n\n## Objective\n\nShip it.\n\n## Task Cards\n\n${cards}${extra}`;

describe('parseMilestone on the seed', () => {
  it('is the seed shipped in shared/ when that folder is present', () => {
    const shared = join(REPO_ROOT, '..', 'shared', 'seeds', 'M6-rollout-governance.md');
    if (existsSync(shared)) expect(readRepoFile('../shared/seeds/M6-rollout-governance.md')).toBe(SEED);
  });

  it('round-trips byte for byte', () => {
    expect(renderMilestone(parseOk(SEED).document)).toBe(SEED);
  });

  it('round-trips with CRLF line ends and without a final newline', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    expect(renderMilestone(parseOk(crlf).document)).toBe(crlf);
    expect(parseOk(crlf).document.eol).toBe('\r\n');
    const trimmed = SEED.trimEnd();
    expect(renderMilestone(parseOk(trimmed).document)).toBe(trimmed);
  });

  it('reads a file saved with a byte-order mark the same, and round-trips it byte for byte', () => {
    const bom = `\uFEFF${SEED.replace(/\n/g, '\r\n')}`;
    expect(parseOk(bom).document.taskCards.map((c) => c.id)).toEqual(parseOk(SEED).document.taskCards.map((c) => c.id));
    expect(renderMilestone(parseOk(bom).document)).toBe(bom);
  });

  it('reads the milestone, its criteria and every card', () => {
    const { document, problems } = parseOk(SEED);
    expect(problems).toEqual([]);
    expect(document.id).toBe('M6');
    expect(document.title).toBe('Rollout and Steady-State Governance');
    expect(document.objective).toBe(
      'Operationalize the stabilized implementation: release management, rollback safety, compatibility governance, and ongoing maintenance cadence.',
    );
    expect(document.entryCriteria).toEqual(['M5 complete with no unresolved release-blocking regressions.']);
    expect(document.exitCriteria).toEqual([
      'Compatibility matrix is published and versioned.',
      'Rollout and rollback playbook is documented.',
      'Ongoing maintenance process is defined.',
    ]);
    expect(document.sections.map((s) => [s.heading, s.kind])).toEqual([
      ['Objective', 'objective'],
      ['Entry Criteria', 'entry-criteria'],
      ['Exit Criteria', 'exit-criteria'],
      ['Task Cards', 'other'],
      ['Risks', 'other'],
      ['Completion Note', 'other'],
    ]);
    expect(document.sections[5].text).toBe(
      '\nM6 completion marks transition from remediation program to steady-state development.\n\nM6 completed on 2026-02-19.\n',
    );
    expect(document.taskCards.map((c) => [c.id, c.title, c.line])).toEqual([
      ['M6-T01', 'Publish Compatibility Matrix', 19],
      ['M6-T02', 'Define Rollout and Rollback Playbook', 32],
      ['M6-T03', 'Establish Maintenance Cadence', 46],
    ]);
  });

  it('reads a card field by field, keeping work items with colons as items', () => {
    const t01 = card(SEED, 'M6-T01');
    expect(t01.goal).toBe('define which loop versions are validated against which consumer versions.');
    expect(t01.status).toEqual({ value: 'done', date: '2026-02-19', line: 22 });
    expect(t01.workItems).toEqual([
      'Create version support table for `loop`, `rlm-claude-code`, `loop-agent`, `io-rflx`.',
      'Define support window and deprecation lead time.',
      'Publish matrix and policy doc: `docs/execution-plan/COMPATIBILITY-MATRIX.md`.',
      'Capture contract gate evidence: `docs/execution-plan/evidence/2026-02-19/milestone-M6/M6-T01-VG-CONTRACT-001.md`.',
    ]);
    expect(t01.acceptanceCriteria).toEqual(['Matrix is published and referenced from main docs.']);
    expect(t01.requiredGates).toEqual(['VG-CONTRACT-001']);
    expect(t01.requiredGatesLine).toBe(30);
    expect(t01.unknownFields).toEqual([]);
    expect(t01.strayLines).toEqual([]);
    expect(t01.section).toBe('Task Cards');
  });
});

describe('parseMilestone on documents that vary', () => {
  it('takes fields in another order (Status before Goal)', () => {
    const c = card(doc('### M7-T01 Reorder\n\n- Status: in_progress\n- Goal: g.\n- Required gates: VG-A-1\n'), 'M7-T01');
    expect(c.status?.value).toBe('in_progress');
    expect(c.goal).toBe('g.');
    expect(c.requiredGates).toEqual(['VG-A-1']);
  });

  it('takes a card with no Status and no Work items', () => {
    const c = card(doc('### M7-T01 Bare\n\n- Goal: only a goal.\n- Acceptance criteria:\n- It exists.\n'), 'M7-T01');
    expect(c.status).toBeUndefined();
    expect(c.workItems).toEqual([]);
    expect(c.acceptanceCriteria).toEqual(['It exists.']);
  });

  it('keeps fields it does not know, after scalars and after lists', () => {
    const source = doc(
      '### M7-T01 Extra\n\n- Tracking issue: #42\n- Goal: g.\n- Work items:\n- Do a: carefully.\n- Scope: loop CLI\n- Metrics to capture:\n- p95 latency\n- Required gates: VG-A-1\n',
    );
    const c = card(source, 'M7-T01');
    expect(c.workItems).toEqual(['Do a: carefully.']);
    expect(c.unknownFields.map((f) => [f.name, f.value, f.items])).toEqual([
      ['Tracking issue', '#42', []],
      ['Scope', 'loop CLI', []],
      ['Metrics to capture', '', ['p95 latency']],
    ]);
    expect(renderMilestone(parseOk(source).document)).toBe(source);
  });

  it('reads gate ids in backticks, several to a line, and as a list', () => {
    expect(card(doc('### M7-T01 G\n\n- Required gates: `VG-A-1`, `VG-LOOP-BUILD-002`\n'), 'M7-T01').requiredGates).toEqual([
      'VG-A-1',
      'VG-LOOP-BUILD-002',
    ]);
    expect(card(doc('### M7-T01 G\n\n- Required gates: VG-A-1, VG-B-2 and VG-C-3.\n'), 'M7-T01').requiredGates).toEqual([
      'VG-A-1',
      'VG-B-2',
      'VG-C-3',
    ]);
    expect(card(doc('### M7-T01 G\n\n- Required gates:\n  - VG-A-1\n  - `VG-B-2`\n'), 'M7-T01').requiredGates).toEqual(['VG-A-1', 'VG-B-2']);
  });

  it('reads nested work items and wrapped lines', () => {
    const c = card(doc('### M7-T01 N\n\n- Work items:\n  - First\n    continued here.\n  - Second: with colon\n- Goal: g.\n'), 'M7-T01');
    expect(c.workItems).toEqual(['First continued here.', 'Second: with colon']);
    expect(c.goal).toBe('g.');
  });

  it.each([
    ['todo', { value: 'todo' }],
    ['in_progress', { value: 'in_progress' }],
    ['blocked (2026-03-01)', { value: 'blocked', date: '2026-03-01' }],
    ['done', { value: 'done' }],
    ['steady_state', { value: 'steady_state' }],
    ['`done` (2026-02-19)', { value: 'done', date: '2026-02-19' }],
    ['In Progress', { value: 'in_progress' }],
  ])('reads the status %j', (text, expected) => {
    const c = card(doc(`### M7-T01 S\n\n- Status: ${text}\n`), 'M7-T01');
    expect(c.status).toEqual({ ...expected, line: 11 });
  });

  it('keeps extra ## sections and reads cards grouped under several sections', () => {
    const source = `# M8: Grouped\n\n## Objective\n\nGroup.\n\n## Sequencing\n\nFirst A, then B.\n\n## Track A\n\n### M8-T01 A one\n\n- Goal: a.\n\n### M8-T02 A two\n\n- Goal: b.\n\n## Track B\n\n### M8-T03 - B one\n\n- Goal: c.\n\n## Handoff Notes\n\nDone when done.\n`;
    const { document, problems } = parseOk(source, 'M8.md');
    expect(problems).toEqual([]);
    expect(document.id).toBe('M8');
    expect(document.title).toBe('Grouped');
    expect(document.taskCards.map((c) => [c.id, c.title, c.section])).toEqual([
      ['M8-T01', 'A one', 'Track A'],
      ['M8-T02', 'A two', 'Track A'],
      ['M8-T03', 'B one', 'Track B'],
    ]);
    expect(document.sections.find((s) => s.heading === 'Sequencing')?.text).toBe('\nFirst A, then B.\n\n');
    expect(document.sections.find((s) => s.heading === 'Handoff Notes')?.text).toBe('\nDone when done.\n');
    expect(renderMilestone(document)).toBe(source);
  });

  it('ignores headings inside fenced code blocks', () => {
    const source = doc('### M7-T01 Code\n\n- Goal: g.\n\n```md\n### M7-T99 not a card\n## not a section\n```\n');
    const { document } = parseOk(source);
    expect(document.taskCards.map((c) => c.id)).toEqual(['M7-T01']);
    expect(renderMilestone(document)).toBe(source);
  });

  it('reads Release blocking', () => {
    expect(card(doc('### M7-T01 R\n\n- Release blocking: yes\n'), 'M7-T01').releaseBlocking).toBe(true);
    expect(card(doc('### M7-T01 R\n\n- Goal: g.\n'), 'M7-T01').releaseBlocking).toBe(false);
  });

  it('parses a card rendered by renderTaskCard back to the same fields', () => {
    const text = renderTaskCard({
      id: 'M7-T01',
      title: 'New card',
      goal: 'a goal.',
      status: 'todo',
      workItems: ['one', 'two: with colon'],
      acceptanceCriteria: ['it works'],
      requiredGates: ['VG-A-1', 'VG-B-2'],
    });
    const c = card(doc(text), 'M7-T01');
    expect([c.goal, c.status?.value, c.workItems, c.acceptanceCriteria, c.requiredGates]).toEqual([
      'a goal.',
      'todo',
      ['one', 'two: with colon'],
      ['it works'],
      ['VG-A-1', 'VG-B-2'],
    ]);
  });
});

describe('parseMilestone errors', () => {
  const problems = (source: string, file = 'M7.md') => {
    const result = parseMilestone(file, source);
    return result.diagnostics.map(formatDiagnostic);
  };

  it('names a card that belongs to another milestone', () => {
    expect(problems(doc('### M6-T01 Misplaced\n\n- Goal: g.\n'))).toEqual([
      'M7.md:9: M6-T01: task card M6-T01 belongs to milestone M6, expected a card of M7 (a card\'s milestone is the (?<milestone>...) group of ids.task in governance/governance.json: ^(?<milestone>M\\d+)-T\\d+$)',
    ]);
  });

  it('names a duplicate card id with both lines', () => {
    expect(problems(doc('### M7-T01 A\n\n- Goal: a.\n\n### M7-T01 B\n\n- Goal: b.\n'))).toEqual([
      'M7.md:13: M7-T01: duplicate task card M7-T01, first defined on line 9',
    ]);
  });

  it('names an unknown status and a malformed date together', () => {
    expect(problems(doc('### M7-T01 A\n\n- Status: shipping (2026-02-30)\n'))).toEqual([
      'M7.md:11: M7-T01.status: unknown status "shipping", expected one of todo, in_progress, blocked, done, steady_state, optionally followed by a date in parentheses, e.g. done (2026-02-19)',
      'M7.md:11: M7-T01.status: malformed date "2026-02-30" in status, expected a calendar date written YYYY-MM-DD',
    ]);
  });

  it('names a malformed gate id', () => {
    expect(problems(doc('### M7-T01 A\n\n- Required gates: VG-OK-1, vg-bad\n'))).toEqual([
      'M7.md:11: M7-T01.requiredGates: found "vg-bad", expected a gate id: an id matching ^VG(-[A-Z0-9]+)+$ (ids.gate in governance/governance.json)',
    ]);
  });

  it('refuses a document without a milestone heading', () => {
    const result = parseMilestone('notes.md', 'Just notes.\n\n# Notes\n');
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([
      'notes.md:3: found "# Notes", expected a first heading "# <milestone> - <title>" whose milestone is an id matching ^M\\d+$ (ids.milestone in governance/governance.json)',
    ]);
  });
});

describe('parseMilestone on lines a backtracking regular expression would take hours over', () => {
  // Each line made V8's engine try every way to split its run of spaces (cubic: 2,000 spaces took 7 s, 5,000 two minutes).
  const spaces = ' '.repeat(2_000);
  const lines = [
    `# M7 - Next${spaces}#x`,
    `## Objective${spaces}#x`,
    '## Task Cards',
    `### M7-T01 Build${spaces}#x`,
    `- Status: done${spaces}!`,
    `- Goal: ${spaces}a\rb`,
    `-${spaces}x\ry`,
  ];

  it('reads each in time linear in its length, as it reads a short one', () => {
    const started = Date.now();
    const { document, problems } = parseOk(`${lines.join('\n')}\n`, 'M7.md');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(document.title).toBe(`Next${spaces}#x`);
    expect(document.taskCards.map((c) => [c.id, c.title, c.goal])).toEqual([['M7-T01', `Build${spaces}#x`, 'a\rb x\ry']]);
    expect(problems).toEqual([`M7.md:5: M7-T01.status: found ${JSON.stringify(`done${spaces}!`)}, expected one of todo, in_progress, blocked, done, steady_state, optionally followed by a date in parentheses, e.g. done (2026-02-19)`]);
  });
});

describe('cards written with bold paragraphs for fields', () => {
  const bold = doc(
    [
      '### M7-T01 Stabilise the boundary',
      '',
      '**Goal:** freeze the C ABI.',
      '',
      '**Status:** ✅ done',
      '',
      '**Work items:**',
      '- Audit every exported fn.',
      '',
      '**Acceptance criteria:**',
      '- No ABI diff.',
      '',
      '**Required gates:** `VG-CORE-001`, `VG-FFI-001`',
      '',
      '### M7-T02 Blocked card',
      '',
      '**Status**: blocked (waiting on fixtures)',
      '',
      '- **Required gates:** VG-CORE-002',
      '',
    ].join('\n'),
  );

  it('reads every field, not a card with no status and no gates', () => {
    const first = card(bold, 'M7-T01');
    expect(first.goal).toBe('freeze the C ABI.');
    expect(first.status?.value).toBe('done');
    expect(first.workItems).toEqual(['Audit every exported fn.']);
    expect(first.acceptanceCriteria).toEqual(['No ABI diff.']);
    expect(first.requiredGates).toEqual(['VG-CORE-001', 'VG-FFI-001']);
    expect(first.strayLines).toEqual([]);
    const second = card(bold, 'M7-T02');
    expect(second.status).toMatchObject({ value: 'blocked' });
    expect(second.requiredGates).toEqual(['VG-CORE-002']);
  });

  it('still refuses a parenthesis that looks like a date and is not one', () => {
    const result = parseMilestone('M7.md', doc('### M7-T01 Card\n\n**Status:** done (2026-13-40)\n'));
    expect(result.diagnostics.map(formatDiagnostic).join('\n')).toContain('malformed date "2026-13-40"');
  });
});

describe('setTaskStatus on a card written with bold paragraphs', () => {
  it('sets the status where the card writes it, keeping its form', () => {
    const source = doc('### M7-T01 Card\n\n**Goal:** ship.\n\n**Status:** ✅ done\n\n**Required gates:** VG-A-001\n');
    const { document } = parseOk(source);
    const edited = setTaskStatus(document, document.taskCards[0], 'in_progress');
    expect(edited).toContain('**Status:** in_progress\n');
    expect(parseOk(edited).document.taskCards[0].status?.value).toBe('in_progress');
  });
});

describe('cards whose bold field names are followed by a dash', () => {
  it('reads the fields, and a known field alone opens its list', () => {
    const source = doc(
      [
        '### M7-T01 Arena',
        '',
        '* **Goal** — the allocator passes miri.',
        '* **Status** — Done (2026-01-20)',
        '* **Work items**',
        '  - Run miri nightly.',
        '* **Required gates** — VG-CORE-001, VG-CORE-006',
        '',
        '**Important** this paragraph is no field.',
        '',
        '### M7-T02 Sentences',
        '',
        '**Status.** Steady state',
        '',
        '**Required gates.** VG-CORE-002.',
        '',
      ].join('\n'),
    );
    const parsed = card(source, 'M7-T01');
    expect([parsed.goal, parsed.status?.value, parsed.status?.date, parsed.workItems, parsed.requiredGates]).toEqual([
      'the allocator passes miri.',
      'done',
      '2026-01-20',
      ['Run miri nightly.'],
      ['VG-CORE-001', 'VG-CORE-006'],
    ]);
    const sentences = card(source, 'M7-T02');
    expect([sentences.status?.value, sentences.requiredGates]).toEqual(['steady_state', ['VG-CORE-002']]);
  });
});
