import { withoutUndefined } from './without-undefined';

/**
 * A problem found in a governance file. `line` is 1-based and present whenever
 * the problem can be pinned to a line; `path` is the JSON path (or the
 * milestone field) the problem is about.
 */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Workspace-relative path of the file the problem is in. */
  file: string;
  line?: number;
  path?: string;
  message: string;
}

export interface DiagnosticReport {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export function error(file: string, message: string, at: { line?: number; path?: string } = {}): Diagnostic {
  return { severity: 'error', file, message, ...location(at) };
}

export function warning(file: string, message: string, at: { line?: number; path?: string } = {}): Diagnostic {
  return { severity: 'warning', file, message, ...location(at) };
}

/** An empty path (the file's root) says nothing a reader needs. */
function location(at: { line?: number; path?: string }): { line?: number; path?: string } {
  return withoutUndefined({ line: at.line, path: at.path || undefined });
}

/** `file:line: path: message`, leaving out whatever is unknown. */
export function formatDiagnostic(d: Diagnostic): string {
  const location = d.line !== undefined ? `${d.file}:${d.line}` : d.file;
  return d.path ? `${location}: ${d.path}: ${d.message}` : `${location}: ${d.message}`;
}

/** Stable order for output: by file, then line, then path, then message. */
export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.path ?? '').localeCompare(b.path ?? '') ||
      a.message.localeCompare(b.message),
  );
}

export function splitBySeverity(diagnostics: Diagnostic[]): DiagnosticReport {
  const sorted = sortDiagnostics(diagnostics);
  return {
    errors: sorted.filter((d) => d.severity === 'error'),
    warnings: sorted.filter((d) => d.severity === 'warning'),
  };
}

/** Shortens a value for a message so a huge input cannot flood the terminal. */
export function describeValue(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
