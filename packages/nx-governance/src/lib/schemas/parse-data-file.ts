import type { z } from 'zod';
import { type Diagnostic, describeValue, error } from '../diagnostics';
import { formatJsonPath, type JsonSource, parseJsonSource } from '../json/json-source';

export type DataFileResult<T> = { ok: true; data: T; source: JsonSource } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The one way a governance JSON file enters the program: strict JSON, then the
 * zod schema, with every problem named by file, line and JSON path.
 */
export function parseDataFile<S extends z.ZodType>(file: string, text: string, schema: S): DataFileResult<z.output<S>> {
  const json = parseJsonSource(file, text);
  if (!json.ok) return json;
  const result = schema.safeParse(json.source.value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data, source: json.source };
  return { ok: false, diagnostics: zodIssuesToDiagnostics(json.source, result.error.issues) };
}

export function zodIssuesToDiagnostics(source: JsonSource, issues: readonly z.core.$ZodIssue[]): Diagnostic[] {
  return flattenIssues(issues).map((issue) => {
    const path = issue.path as (string | number)[];
    return error(source.file, describeIssue(issue), { line: source.lineOf(path), path: formatJsonPath(path) });
  });
}

/**
 * A union that fails in every branch reports one issue per branch; the branch
 * with the fewest problems (then the deepest) is the one the author meant.
 */
function flattenIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const out: z.core.$ZodIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && !issue.message.startsWith('expected')) {
      const best = [...issue.errors].sort((a, b) => a.length - b.length || depth(b) - depth(a))[0];
      out.push(...flattenIssues(best.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] }))));
    } else {
      out.push(issue);
    }
  }
  return out;
}

function depth(branch: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...branch.map((i) => i.path.length));
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const input = offendingValue(issue);
  const found = input === undefined ? 'nothing' : describeValue(input);
  const custom = issue.message.startsWith('expected') ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `missing, ${custom ?? `expected ${issue.expected}`}`;
      return `found ${found} (${typeName(input)}), ${custom ?? `expected ${issue.expected}`}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}, expected only the fields the schema defines`;
    case 'invalid_value':
      return `found ${found}, ${custom ?? `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`}`;
    case 'too_small':
      if (custom) return `found ${found}, ${custom}`;
      return `found ${found}, expected ${issue.origin === 'array' ? `at least ${String(issue.minimum)} item(s)` : `at least ${String(issue.minimum)}`}`;
    case 'too_big':
      return `found ${found}, ${custom ?? `expected at most ${String(issue.maximum)}`}`;
    default:
      // A rule over a whole object says what is wrong; quoting the object would only bury it.
      if (input !== null && typeof input === 'object') return custom ?? issue.message;
      return `found ${found}, ${custom ?? issue.message}`;
  }
}

/** A discriminator error carries the whole object; the reader wants the field's value. */
function offendingValue(issue: z.core.$ZodIssue): unknown {
  const input = (issue as { input?: unknown }).input;
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_union' && typeof last === 'string' && input && typeof input === 'object' && !Array.isArray(input)) {
    return (input as Record<string, unknown>)[last];
  }
  return input;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
