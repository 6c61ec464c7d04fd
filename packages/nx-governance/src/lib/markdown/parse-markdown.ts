import type { Root } from 'mdast';

/** CommonMark + GFM tables to an mdast syntax tree, every node with its source position. */
export type ParseMarkdown = (text: string) => Root;

/**
 * The markdown parser (micromark with GFM tables). Its packages are ECMAScript
 * modules only: Node from 20.19 loads them with `require` (what this CommonJS
 * build compiles `import()` to); an older Node needs a native `import()`, which
 * the compiled code can only reach through `Function`.
 */
export async function loadMarkdownParser(): Promise<ParseMarkdown> {
  const [{ fromMarkdown }, { gfmTable }, { gfmTableFromMarkdown }] = await Promise.all([
    load<typeof import('mdast-util-from-markdown')>('mdast-util-from-markdown', () => import('mdast-util-from-markdown')),
    load<typeof import('micromark-extension-gfm-table')>('micromark-extension-gfm-table', () => import('micromark-extension-gfm-table')),
    load<typeof import('mdast-util-gfm-table')>('mdast-util-gfm-table', () => import('mdast-util-gfm-table')),
  ]);
  const options = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };
  // A byte-order mark is not content: without this the first heading of a saved-with-BOM file would not be a heading.
  return (text) => fromMarkdown(text.replace(/^\uFEFF/, ''), options);
}

async function load<T>(name: string, viaRequire: () => Promise<T>): Promise<T> {
  try {
    return await viaRequire();
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_REQUIRE_ESM') throw error;
    return (await (new Function('name', 'return import(name)') as (name: string) => Promise<T>)(name));
  }
}
