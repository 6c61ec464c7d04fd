import MarkdownIt from 'markdown-it';

export type Token = MarkdownIt.Token;

/** CommonMark with GFM tables to markdown-it's block and inline tokens, every block with its source lines (`map`). */
export type ParseMarkdown = (text: string) => Token[];

/**
 * The markdown parser: markdown-it (CommonMark, GFM tables), chosen over
 * micromark/mdast for speed: the import must read a 20,000-row table in well
 * under 10 s, and markdown-it tokenises a table row about ten times faster.
 */
export function createMarkdownParser(): ParseMarkdown {
  const parser = new MarkdownIt('commonmark', { html: true }).enable('table');
  // A byte-order mark is not content: without this the first heading of a saved-with-BOM file would be a paragraph.
  return (text) => parser.parse(text.replace(/^\uFEFF/, ''), {});
}
