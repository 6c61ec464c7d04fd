import { createMarkdownParser } from '../markdown/parse-markdown';
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
    // A release needs its date: the commit the row gives a version is kept for it, and said.
    expect(lines('review')).toContainEqual('8: release 0.4.2 (commit abc1234): named by the table without a release date; not a release until its date is added');
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
