import { findNodeAtLocation, type Node, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { type Diagnostic, error } from '../diagnostics';

/**
 * A JSON document that remembers where each value came from, so schema errors
 * found later can name the line they are about.
 */
export interface JsonSource {
  file: string;
  value: unknown;
  /** The 1-based line of the value at `path`, or of its nearest existing ancestor. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

export type JsonParseResult = { ok: true; source: JsonSource } | { ok: false; diagnostics: Diagnostic[] };

/**
 * Parses strict JSON (no comments, no trailing commas); a syntax error is
 * reported with its line and what was found there.
 */
/** Deeper than any governance file needs; far below what would exhaust the stack. */
export const MAX_JSON_DEPTH = 64;

export function parseJsonSource(file: string, text: string): JsonParseResult {
  if (text.trim() === '') {
    return { ok: false, diagnostics: [error(file, 'invalid JSON: the file is empty, expected a JSON object', { line: 1 })] };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    return { ok: false, diagnostics: [error(file, 'invalid JSON: found a byte-order mark, expected the file to start with "{" (save it as UTF-8 without BOM)', { line: 1 })] };
  }
  const lineStarts = computeLineStarts(text);
  const lineAt = (offset: number) => lineOfOffset(lineStarts, offset);
  const tooDeep = firstOffsetDeeperThan(text, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    return { ok: false, diagnostics: [error(file, `invalid JSON: found nesting deeper than ${MAX_JSON_DEPTH} levels, expected a governance file`, { line: lineAt(tooDeep) })] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !tree) {
    // Only the first syntax error is reliable; the ones after it are the parser's recovery.
    const first = errors[0];
    const message = first ? describeParseError(first, text) : 'expected a JSON value';
    return { ok: false, diagnostics: [error(file, `invalid JSON: ${message}`, { line: first ? lineAt(first.offset) : 1 })] };
  }
  const value = nodeToValue(tree);
  return {
    ok: true,
    source: {
      file,
      value,
      lineOf(path) {
        for (let depth = path.length; depth >= 0; depth--) {
          const node = findNodeAtLocation(tree, path.slice(0, depth) as (string | number)[]);
          if (node) return lineAt(keyOffset(node));
        }
        return undefined;
      },
    },
  };
}

function describeParseError(e: ParseError, text: string): string {
  const code = printParseErrorCode(e.error);
  const found = text.slice(e.offset, e.offset + Math.max(e.length, 1)).trim() || 'end of file';
  const expected: Record<string, string> = {
    InvalidSymbol: 'a JSON value',
    InvalidNumberFormat: 'a number',
    PropertyNameExpected: 'a property name in double quotes',
    ValueExpected: 'a value',
    ColonExpected: 'a colon',
    CommaExpected: 'a comma',
    CloseBraceExpected: 'a closing brace',
    CloseBracketExpected: 'a closing bracket',
    EndOfFileExpected: 'the end of the file',
    InvalidCommentToken: 'no comments (JSON allows none)',
    UnexpectedEndOfComment: 'no comments (JSON allows none)',
    UnexpectedEndOfString: 'a closing double quote',
    UnexpectedEndOfNumber: 'a complete number',
    InvalidUnicode: 'a valid unicode escape',
    InvalidEscapeCharacter: 'a valid escape character',
    InvalidCharacter: 'a valid character',
  };
  return `found ${JSON.stringify(found.slice(0, 20))}, expected ${expected[code] ?? code}`;
}

/** Errors about a property point at its key, which is where a reader looks. */
function keyOffset(node: Node): number {
  if (node.parent?.type === 'property' && node.parent.children?.[1] === node) {
    return node.parent.offset;
  }
  return node.offset;
}

function nodeToValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[key.value as string] = nodeToValue(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(nodeToValue);
    default:
      return node.value;
  }
}

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function lineOfOffset(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** `gates[2].steps[0].argv` — the form users see in messages. */
export function formatJsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(segment))) out += out ? `.${String(segment)}` : String(segment);
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Where brackets outside strings first nest past `limit`, before a recursive parser could overflow. */
function firstOffsetDeeperThan(text: string, limit: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') {
      if (++depth > limit) return i;
    } else if (c === '}' || c === ']') depth--;
  }
  return undefined;
}
