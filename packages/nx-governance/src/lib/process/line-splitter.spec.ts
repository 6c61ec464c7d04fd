import { LineSplitter } from './line-splitter';

function split(chunks: string[], maxLine = 16): string[] {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line), maxLine);
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return lines;
}

describe('LineSplitter', () => {
  it('joins lines across chunks and drops the carriage return of CRLF', () => {
    expect(split(['one\r\ntw', 'o\nthr', 'ee'])).toEqual(['one', 'two', 'three']);
  });

  it('reports a line longer than the cap once, cut, however many chunks it spans', () => {
    const chunks = Array.from({ length: 1000 }, () => 'x'.repeat(10));
    const lines = split([...chunks, 'tail of the long line\nnext\n']);
    expect(lines).toEqual([`${'x'.repeat(16)} [line cut at 16 characters]`, 'next']);
  });

  it('never holds more than the cap of a partial line', () => {
    const splitter = new LineSplitter(() => undefined, 16);
    for (let i = 0; i < 1000; i++) splitter.push('y'.repeat(100));
    expect(splitter.pendingLength).toBeLessThanOrEqual(16);
  });
});
