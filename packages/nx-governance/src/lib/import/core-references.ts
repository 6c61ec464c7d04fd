import * as semver from 'semver';
import { plainText } from './markdown-document';

/** What one entry of a consumer row's core cell states: a core version or commit (with its commit, and other components' versions), or a range. */
export type RowEntry =
  | { kind: 'tuple'; core: string; coreCommit?: string; consumers: Record<string, string>; label?: string }
  | { kind: 'range'; range: string }
  | { kind: 'unread' };

export const COMMIT = /^[0-9a-f]{7,40}$/;

/** A version, a commit, or a semver range of the core, as a cell writes it. */
export function readCoreReference(text: string): { kind: 'version' | 'commit'; value: string } | { kind: 'range'; value: string } | undefined {
  const value = plainText(text).replace(/^v(?=\d)/, '');
  if (COMMIT.test(value)) return { kind: 'commit', value };
  if (semver.valid(value)) return { kind: 'version', value };
  if (/[\^~<>=*xX|]|\s-\s|^\d+(\.\d+)?$/.test(value) && semver.validRange(value)) return { kind: 'range', value };
  return undefined;
}
/** "ferrocore 4f1c2a9", "kiln@def5678", or a bare reference. */
const COMPONENT = /^(?:([a-z0-9][\w.-]*)(?:@|\s+))?(\S+)$/i;

/**
 * The entries of a consumer row's core cell, split where no parenthesis is open:
 * "1.4.2, 1.5.0" is two, "(ferrocore 4f1c2a9, pyferro 7be03d1); (…)" is two tuples.
 */
export function rowEntries(cell: string): string[] {
  const entries: string[] = [];
  let [depth, current] = [0, ''];
  const text = cell.replace(/<br\s*\/?>/gi, ';');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    const or = depth === 0 && /^\sor\s/i.test(text.slice(i, i + 4));
    if (depth === 0 && (c === ',' || c === ';' || or)) {
      entries.push(current);
      current = '';
      if (or) i += 2;
    } else current += c;
  }
  entries.push(current);
  return entries.map(plainText).filter((e) => e && e !== '-');
}

/**
 * One entry read with the core's names: a version or commit or range; a tuple
 * in parentheses naming the core and other components; a version with its
 * commit ("0.4.2 (abc1234)"); the core's commit with the consumer's
 * ("core@abc1234 (consumer@def5678)").
 */
export function readRowEntry(entry: string, coreNames: readonly string[]): RowEntry {
  const whole = readCoreReference(entry);
  if (whole) return whole.kind === 'range' ? { kind: 'range', range: whole.value } : { kind: 'tuple', core: whole.value, consumers: {} };
  const parenthesised = /^(.*?)\s*\(([^()]*)\)$/.exec(entry);
  // "3a4b5c6 (current)": a reference and the name of its tuple, one or two words that are no reference.
  const [, before = '', inside = ''] = parenthesised ?? [];
  const labelled = before ? readCoreReference(before) : undefined;
  if (labelled && labelled.kind !== 'range' && /^[a-z][a-z-]*(?: [a-z-]+)?$/i.test(inside.trim()) && !readCoreReference(inside)) {
    return { kind: 'tuple', core: labelled.value, consumers: {}, label: inside.trim().toLowerCase() };
  }
  const components = parenthesised ? [...(parenthesised[1] ? [parenthesised[1]] : []), ...parenthesised[2].split(/\s*,\s*/)] : [entry];
  const read = components.map((c) => COMPONENT.exec(c.trim())).map((m) => (m ? { name: m[1]?.toLowerCase(), ref: m[2].replace(/^v(?=\d)/, '') } : undefined));
  if (read.some((c) => !c)) return { kind: 'unread' };
  const [first, ...rest] = read as Array<{ name?: string; ref: string }>;
  // "0.4.2 (abc1234)": the version, and the commit it was cut from.
  if (parenthesised?.[1] && !first.name && rest.length === 1 && !rest[0].name && COMMIT.test(rest[0].ref)) {
    const version = readCoreReference(first.ref);
    return version?.kind === 'version' ? { kind: 'tuple', core: version.value, coreCommit: rest[0].ref, consumers: {} } : { kind: 'unread' };
  }
  const isCore = (c: { name?: string }) => (c.name === undefined ? c === first && !!parenthesised?.[1] : coreNames.includes(c.name));
  const cores = read.filter((c) => isCore(c!));
  const core = cores.length === 1 ? readCoreReference(cores[0]!.ref) : undefined;
  const others = read.filter((c) => !isCore(c!));
  if (!core || core.kind === 'range' || others.some((c) => !c!.name)) return { kind: 'unread' };
  return { kind: 'tuple', core: core.value, consumers: Object.fromEntries(others.map((c) => [c!.name!, c!.ref])) };
}
