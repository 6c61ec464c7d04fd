import { createMarkdownParser } from '../markdown/parse-markdown';
import { importCompatibilityStatements, importReleaseStatements } from './compatibility-statements';
import { emptyCompatibility, importCompatibilityPolicy, importCompatibilityTable } from './import-compatibility';
import { emptyLog } from './import-log';
import { readMarkdownDocument } from './markdown-document';

/** The compatibility document of a prose repository a helper wrote without reading the importer (issue 19). */
const DOCUMENT = [
  '# Compatibility matrix',
  '',
  '| Consumer | Validated core versions / commit tuples | Tier | Notes |',
  '|----------|------------------------------------------|------|-------|',
  '| pyferro (Python client) | 1.4.2, 1.5.0 | Tier 1 | Wheels built by `QG-FFI-001` |',
  '| ferro-etl | (ferrocore `4f1c2a9`, pyferro `7be03d1`); (ferrocore `9ad0e31`, pyferro `c01b5e2`) | Tier 2 | Pinned by commit, not by release |',
  '| notebook-kit | 1.3.x | Tier 3 (best effort) | Deprecated; dropped in 2.0 |',
  '| trailhead | 0.4.2 (abc1234) | supported | |',
  '| kiln | ferrocore@abc1234 (kiln@def5678) | supported | |',
  '',
  'Tier 1 consumers block a release on any contract break. Tier 2 consumers are notified. Tier 3 is best effort.',
].join('\n');

function imported() {
  const log = emptyLog();
  const compat = emptyCompatibility();
  const { sections } = readMarkdownDocument(createMarkdownParser(), 'docs/compatibility-matrix.md', DOCUMENT);
  importCompatibilityTable(sections.flatMap((s) => s.tables)[0], ['ferro-ws', 'ferrocore'], compat, log);
  importCompatibilityPolicy(sections, compat, log);
  const lines = (kind: 'review' | 'notUnderstood') => log[kind].map((i) => `${i.line}: ${i.what}: ${i.why}`);
  return { compat, lines };
}

describe('a compatibility table with a row per consumer', () => {
  it('reads commit tuples written in parentheses, a version with its commit, and core@commit (consumer@commit)', () => {
    const { compat, lines } = imported();
    expect(compat.tuples.map((t) => [t.core, t.consumers])).toEqual([
      ['1.4.2', { pyferro: 'any' }],
      ['1.5.0', { pyferro: 'any' }],
      ['4f1c2a9', { 'ferro-etl': 'any', pyferro: '7be03d1' }],
      ['9ad0e31', { 'ferro-etl': 'any', pyferro: 'c01b5e2' }],
      ['0.4.2', { trailhead: 'any' }],
      ['abc1234', { kiln: 'def5678' }],
    ]);
    expect(lines('notUnderstood')).toEqual([]);
    // The commit the row gives a version is kept on its release, dated or not.
    expect(compat.releases).toContainEqual({ version: '0.4.2', commit: 'abc1234' });
  });

  it("keeps a version's leading digit in the tuple id, and reads a label in parentheses as the tuple's name (crlf-bom fixture)", () => {
    expect(imported().compat.tuples.map((t) => t.id)).toEqual(['pyferro-1-4-2', 'pyferro-1-5-0', 'ferro-etl-4f1c2a9', 'ferro-etl-9ad0e31', 'trailhead-0-4-2', 'kiln-abc1234']);
    const log = emptyLog();
    const compat = emptyCompatibility();
    const table = ['| Consumer | Core commits validated | Tier |', '|---|---|---|', '| quill-py | `3a4b5c6` (current), `2f3e4d5` (rollback) | supported |'].join('\n');
    importCompatibilityTable(readMarkdownDocument(createMarkdownParser(), 'docs/c.md', `# Compatibility\n\n${table}\n`).sections[0].tables[0], ['quill'], compat, log);
    expect(compat.tuples.map((t) => [t.id, t.core, t.tier])).toEqual([
      ['quill-py-current', '3a4b5c6', 'supported'],
      ['quill-py-rollback', '2f3e4d5', 'supported'],
    ]);
    expect(log.notUnderstood).toEqual([]);
  });

  it('lists numbered tiers and a deprecation note for review instead of dropping them', () => {
    const { compat, lines } = imported();
    expect(compat.tuples.filter((t) => t.tier).map((t) => [t.core, t.tier])).toEqual([
      ['0.4.2', 'supported'],
      ['abc1234', 'supported'],
    ]);
    expect(lines('review')).toEqual(
      expect.arrayContaining([
        '5: pyferro: tier "Tier 1": not a tier of compatibility.json (supported, conditional, unsupported); not written',
        '6: ferro-etl: tier "Tier 2": not a tier of compatibility.json (supported, conditional, unsupported); not written',
        '7: notebook-kit: tier "Tier 3 (best effort)": not a tier of compatibility.json (supported, conditional, unsupported); not written',
        '7: notebook-kit: note "Deprecated; dropped in 2.0": a deprecation needs what is deprecated with the dates it was announced and is removed (YYYY-MM-DD); not written',
        '11: consumer tiers: "Tier 1 consumers block a release on any contract break. Tier 2 consumers are notified. Tier 3 is best effort.": compatibility.json states a tier per tuple (supported, conditional, unsupported), not per consumer; not written',
      ]),
    );
  });
});

describe('the support window in a sentence', () => {
  const policy = (sentence: string) => {
    const log = emptyLog();
    const compat = emptyCompatibility();
    importCompatibilityPolicy(readMarkdownDocument(createMarkdownParser(), 'docs/c.md', `# Compatibility\n\n${sentence}\n`).sections, compat, log);
    return { window: compat.supportWindow, lead: compat.deprecationLeadTimeDays };
  };

  it('reads "the two most recent minor releases" as it reads "the latest two minor releases" (mixed-style fixture)', () => {
    expect(policy('We support the two most recent minor releases of ferrocore; any deprecation is announced at least 90 days before removal.')).toEqual({ window: { latestMinors: 2 }, lead: 90 });
    expect(policy('We support the latest 3 minor releases.')).toEqual({ window: { latestMinors: 3 }, lead: undefined });
  });
});

describe('compatibility tables in the other shapes the corpus uses', () => {
  const read = (markdown: string, core: string) => {
    const log = emptyLog();
    const compat = emptyCompatibility();
    const { sections } = readMarkdownDocument(createMarkdownParser(), 'docs/c.md', markdown);
    importReleaseStatements(sections, compat, log);
    for (const table of sections.flatMap((s) => s.tables)) importCompatibilityTable(table, [core], compat, log);
    return { compat, log };
  };

  it('a grid of consumers by core releases, each cell a tier with the consumer version, releases dated in a sentence (paragraphs fixture)', () => {
    const { compat, log } = read(
      [
        '# Compatibility',
        '',
        'Released versions: 1.5.2 (2025-10-30) and 1.6.0 (2026-01-08).',
        '',
        '| Consumer | tideline 1.6.0 | tideline 1.5.2 |',
        '|---|---|---|',
        '| undertow | supported (0.9.1) | — |',
        '| surf-agent | conditional (2.0.0-rc.2) | supported (1.12.0) |',
      ].join('\n'),
      'tideline',
    );
    expect(compat.releases).toEqual([
      { version: '1.5.2', date: '2025-10-30' },
      { version: '1.6.0', date: '2026-01-08' },
    ]);
    expect(compat.tuples.map((t) => [t.id, t.core, t.consumers, t.tier])).toEqual([
      ['undertow-1-6-0', '1.6.0', { undertow: '0.9.1' }, 'supported'],
      ['surf-agent-1-6-0', '1.6.0', { 'surf-agent': '2.0.0-rc.2' }, 'conditional'],
      ['surf-agent-1-5-2', '1.5.2', { 'surf-agent': '1.12.0' }, 'supported'],
    ]);
    expect(log.notUnderstood).toEqual([]);
  });

  it('rows of release lines (semver ranges) by consumer columns, each cell with its own tier, releases as list items (list-style fixture)', () => {
    const { compat, log } = read(
      [
        '# Compatibility',
        '',
        '## ember releases',
        '',
        '- 2.4.1 — 2026-01-28 — `e1a2b3c`',
        '- 2.4.0 — 2026-01-02 — `d0d0d0d`',
        '',
        '## Matrix',
        '',
        '| ember | ember-py (Python) | ash-rs (Rust) |',
        '|-------|-------------------|---------------|',
        '| `~2.4.0` | ✅ supported — 1.9.0 | ⚠️ conditional — 0.6.0 (without the `async` feature) |',
        '| `~2.2.0` | ❌ unsupported — 1.7.1 | — |',
      ].join('\n'),
      'ember',
    );
    expect(compat.releases[0]).toEqual({ version: '2.4.1', commit: 'e1a2b3c', date: '2026-01-28' });
    expect(compat.tuples.map((t) => [t.id, t.core, t.consumers, t.tier, t.note])).toEqual([
      ['ember-py-2-4-1', '2.4.1', { 'ember-py': '1.9.0' }, 'supported', 'release line ~2.4.0'],
      ['ash-rs-2-4-1', '2.4.1', { 'ash-rs': '0.6.0' }, 'conditional', 'release line ~2.4.0; without the async feature'],
    ]);
    // A line with no release the document lists cannot be a tuple: said, with the line.
    expect(log.notUnderstood.map((i) => `${i.line}: ${i.what}: ${i.why}`)).toEqual([
      '13: core "~2.2.0": a release line with no release the document lists in it (~2.2.0); list the release with its date',
    ]);
  });
});

describe('compatibility stated in words (release-notes-style fixture)', () => {
  const DOC = [
    '# Compatibility',
    '',
    '## Releases',
    '',
    'Since then we shipped 1.0.3, 1.1.4 on 2026-01-19 and 1.2.0 on 2026-03-01.',
    '',
    '## Where each consumer stands',
    '',
    '- lattice-py (Python): validated on 1.2.0 (2026-03-01) with lattice-py 0.7.1 and on',
    '  1.1.4 with lattice-py 0.6.3; conditional on 1.0.x (the streaming API is missing there).',
    '- mesh-cli (Rust): unsupported on 0.9.2 (pre-1.0 wire format).',
    '',
    '## Current and rollback',
    '',
    '- Current: lattice 1.2.0 with lattice-py 0.7.1 and mesh-cli 2.3.0.',
    '- Rollback: lattice 1.1.4 with lattice-py 0.6.3, mesh-cli 2.2.1 (`legacyFrames` on).',
    '',
    'Removing anything a consumer can see is announced in this document at least six weeks before the release that removes it.',
  ].join('\n');

  it('reads each consumer bullet as tuples with tiers and notes, the current and rollback bullets as named tuples, releases "on <date>" and the lead time', () => {
    const log = emptyLog();
    const compat = emptyCompatibility();
    const { sections } = readMarkdownDocument(createMarkdownParser(), 'docs/c.md', DOC);
    importReleaseStatements(sections, compat, log);
    importCompatibilityPolicy(sections, compat, log);
    importCompatibilityStatements(sections, compat, log, ['lattice']);
    // 1.0.3 is named as shipped without a date: a release, undated, so that the line 1.0.x has one.
    expect(compat.releases).toEqual([{ version: '1.1.4', date: '2026-01-19' }, { version: '1.2.0', date: '2026-03-01' }, { version: '1.0.3' }]);
    expect(compat.tuples.map((t) => [t.id, t.core, t.consumers, t.tier ?? '-', t.note ?? '-'])).toEqual([
      ['lattice-py-1-2-0', '1.2.0', { 'lattice-py': '0.7.1' }, 'supported', '-'],
      ['lattice-py-1-1-4', '1.1.4', { 'lattice-py': '0.6.3' }, 'supported', '-'],
      ['lattice-py-1-0-3', '1.0.3', { 'lattice-py': 'any' }, 'conditional', 'release line 1.0.x; the streaming API is missing there'],
      ['mesh-cli-0-9-2', '0.9.2', { 'mesh-cli': 'any' }, 'unsupported', 'pre-1.0 wire format'],
      ['current', '1.2.0', { 'lattice-py': '0.7.1', 'mesh-cli': '2.3.0' }, '-', '-'],
      ['rollback', '1.1.4', { 'lattice-py': '0.6.3', 'mesh-cli': '2.2.1' }, '-', '-'],
    ]);
    expect(compat.deprecationLeadTimeDays).toBe(42);
    expect(log.notUnderstood).toEqual([]);
  });
});

describe('a release named twice, first without a date', () => {
  it('takes the date the second mention gives, whichever reader finds it', () => {
    const log = emptyLog();
    const compat = emptyCompatibility();
    const doc = ['# Compatibility', '', 'Since then we shipped 1.0.3 and 1.1.4 on 2026-01-19.', '', '- lattice-py: validated on 1.0.3 (2025-12-02) with lattice-py 0.5.0.', ''].join('\n');
    const { sections } = readMarkdownDocument(createMarkdownParser(), 'docs/c.md', doc);
    importReleaseStatements(sections, compat, log);
    importCompatibilityPolicy(sections, compat, log);
    importCompatibilityStatements(sections, compat, log, ['lattice']);
    expect(compat.releases).toEqual([{ version: '1.1.4', date: '2026-01-19' }, { version: '1.0.3', date: '2025-12-02' }]);
  });
});
