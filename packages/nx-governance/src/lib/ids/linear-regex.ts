import { RE2JS } from 're2js';

/**
 * A regular expression written in data (governance.json's `ids`), run on RE2
 * (re2js, pure JavaScript): matching takes time linear in the text whatever
 * the pattern, so no id can hang inference. On V8's backtracking engine
 * `^([A-Z0-9]+-?)+$` takes time doubling with each character of an id it
 * almost matches (28 characters: 103 s), in Nx's plugin worker, where a
 * synchronous loop also keeps the worker from ending when Nx does.
 */
export interface LinearRegex {
  /** Whether the whole of `text` matches. */
  matchesWhole(text: string): boolean;
  /** The named groups of a whole match of `text`, or undefined when it does not match. */
  groupsOfWhole(text: string): Record<string, string | undefined> | undefined;
}

export type CompiledRegex = { ok: true; regex: LinearRegex } | { ok: false; problem: string };

/** JavaScript syntax that RE2 cannot run in linear time, and so has not: lookarounds and backreferences. */
const BACKTRACKING_SYNTAX = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * Compiles `source` (JavaScript syntax, as the README documents it) for RE2,
 * or says why it cannot: the construct RE2 lacks, or RE2's own parse error.
 */
export function compileLinearRegex(source: string): CompiledRegex {
  const unsupported = unescapedMatch(source, BACKTRACKING_SYNTAX);
  if (unsupported) {
    return { ok: false, problem: `expected a regular expression without lookarounds or backreferences (patterns run on RE2, a linear-time engine, so that no id can make a command hang), but it has ${JSON.stringify(unsupported)}` };
  }
  let pattern: RE2JS;
  try {
    // Compiled alone first, so that an error quotes the pattern as written.
    RE2JS.compile(source);
    pattern = RE2JS.compile(`^(?:${source})$`);
  } catch (cause) {
    return { ok: false, problem: `expected a regular expression RE2 reads (${(cause as Error).message})` };
  }
  return {
    ok: true,
    regex: {
      matchesWhole: (text) => pattern.matches(text),
      groupsOfWhole(text) {
        const matcher = pattern.matcher(text);
        if (!matcher.matches()) return undefined;
        return Object.fromEntries(Object.entries(matcher.getNamedGroups()).map(([name, value]) => [name, value ?? undefined]));
      },
    },
  };
}

/** The first match of `syntax` in `source` that is not itself escaped (`\\(?=` is a literal backslash, then a group). */
function unescapedMatch(source: string, syntax: RegExp): string | undefined {
  for (const match of source.matchAll(new RegExp(syntax.source, 'g'))) {
    let backslashes = 0;
    while (source[match.index - backslashes - 1] === '\\') backslashes++;
    if (backslashes % 2 === 0) return match[0];
  }
  return undefined;
}
