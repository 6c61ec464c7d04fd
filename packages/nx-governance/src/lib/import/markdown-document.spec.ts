import { createMarkdownParser, type ParseMarkdown } from '../markdown/parse-markdown';
import { readMarkdownDocument } from './markdown-document';

let parse: ParseMarkdown;
beforeAll(() => {
  parse = createMarkdownParser();
});

const DOC = [
  '# Release and Rollback',
  '',
  'Intro paragraph',
  'on two lines.',
  '',
  '## Roll back',
  '',
  '- [ ] **Functional**: a required gate fails',
  '  - nested detail',
  '- Performance: p95 up by more than 10%',
  '',
  '```sh',
  '# not a heading',
  '```',
  '',
  '| Gate | Command |',
  '|---|---|',
  '| VG-A | `a \\| b` |',
  '',
].join('\n');

describe('readMarkdownDocument', () => {
  it('cuts at headings with their lines, items, tables and code, as the parser reads them', () => {
    const doc = readMarkdownDocument(parse, 'P.md', DOC);
    expect(doc.title).toBe('Release and Rollback');
    expect(doc.sections.map((s) => [s.heading, s.line, s.endLine, s.parents])).toEqual([
      ['Release and Rollback', 1, 5, []],
      ['Roll back', 6, 19, ['Release and Rollback']],
    ]);
    const [intro, rollback] = doc.sections;
    expect(intro.text).toEqual([{ text: 'Intro paragraph on two lines.', line: 3 }]);
    expect(rollback.items).toEqual([
      { text: '**Functional**: a required gate fails nested detail', line: 8 },
      { text: 'Performance: p95 up by more than 10%', line: 10 },
    ]);
    expect(rollback.code).toEqual([{ text: '# not a heading', line: 12 }]);
    expect(rollback.tables).toEqual([{ file: 'P.md', line: 16, headers: ['gate', 'command'], rows: [{ line: 18, cells: ['VG-A', '`a | b`'] }] }]);
  });

  it('reads the same with a byte-order mark and CRLF line endings', () => {
    const plain = readMarkdownDocument(parse, 'P.md', DOC);
    expect(readMarkdownDocument(parse, 'P.md', `\uFEFF${DOC.replace(/\n/g, '\r\n')}`)).toEqual(plain);
  });
});
