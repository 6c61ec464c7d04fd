/**
 * The first part of a pattern's spelling that admits a character no id may
 * hold (`.`, `\S`, `[^x]`, `[/]`, a literal "/" or ":"): probes cannot find
 * every string a pattern accepts, so such a spelling is refused.
 */
export function unsafeSpelling(source: string): string | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    const previous = source[i - 1] ?? '';
    if (c === '\\') {
      const escaped = source[i + 1] ?? '';
      if (!/[dwbB.\-_^$|()?*+{}[\]A-Za-z0-9]/.test(escaped) || /[SWDspPCQ]/.test(escaped)) return `\\${escaped}`;
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      else if (!SAFE_CHARACTER.test(c)) return `[${c}]`;
    } else if (c === '[') {
      if (source[i + 1] === '^') return '[^';
      inClass = true;
    } else if (c === '.') return '.';
    else if (!SAFE_CHARACTER.test(c) && !/[\^$|()?*+{},]/.test(c) && !isGroupSyntax(source, i, previous)) return c;
  }
  return undefined;
}

const SAFE_CHARACTER = /[A-Za-z0-9._-]/;

/** `:`, `=`, `!`, `<` and `>` of `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!` and `(?<name>`. */
function isGroupSyntax(source: string, at: number, previous: string): boolean {
  const c = source[at];
  if (c === ':' || c === '=' || c === '!' || c === '<') return previous === '?' || (previous === '<' && source[at - 2] === '?' && c !== '<');
  return c === '>' && source.lastIndexOf('(?<', at) > source.lastIndexOf('>', at - 1);
}
