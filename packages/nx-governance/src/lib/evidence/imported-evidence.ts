import { compileIdPatterns, type IdPatterns } from '../ids/id-patterns';
import { isCalendarDate } from '../schemas/common';
import { type ImportedEvidence, type ImportedEvidenceIndex, type ImportedResult } from './imported-evidence-index';
import { sha256 } from './seal-record';

const HEADER_FIELD = /^\s*(?:[-*]\s+)?\**\s*(Date|Ran|Run on|Task IDs?|VG IDs?|Gates?|Result|Outcome|Verdict)\s*\**\s*:\s*\**\s*(.*?)\s*$/i;

/**
 * One existing evidence file as imported evidence: the ids from its name and
 * header (or JSON fields), its result where the file states it (a `Result:`
 * line, a JSON result, a cargo or unittest summary, a summary table), else
 * `unknown`; never sealed. Undefined when the file names no gate.
 */
export function readImportedEvidenceFile(file: string, text: string, ids: IdPatterns = compileIdPatterns()): ImportedEvidence | undefined {
  const name = file.split('/').pop() ?? file;
  const kind = name.endsWith('.json') ? 'json' : name.endsWith('.md') ? 'markdown' : name.endsWith('.log') ? 'log' : 'text';
  const read = kind === 'json' ? readJson(text, ids) : readHeader(text, ids);
  const summary = read.result === undefined ? readSummary(kind, text, ids) : undefined;
  const gates = unique([...read.gates, ...ids.findIn('gate', name), ...(summary?.gates ?? [])]);
  if (gates.length === 0) return undefined;
  // A folder named by its date, or a file name holding one ("LAT-GATE-001@2026-02-10.md", "2026-03-02-smoke.md").
  const pathDate = file.split('/').flatMap((segment) => segment.match(/\d{4}-\d{2}-\d{2}/g) ?? []).find(isCalendarDate);
  const date = [read.date, pathDate].find((d) => d !== undefined && isCalendarDate(d));
  const result = read.result ?? summary?.result;
  return {
    file,
    sha256: sha256(text),
    kind,
    ...(date ? { date } : {}),
    tasks: unique([...read.tasks, ...ids.findIn('task', name)]),
    gates,
    result: result ?? 'unknown',
    resultFrom: read.result !== undefined ? (kind === 'json' ? 'json' : 'header') : (summary?.from ?? 'nothing'),
    imported: true,
    sealed: false,
  };
}

/** Every file of `files` that is evidence of some gate, and why the others were skipped. */
export function indexImportedEvidence(
  reader: { read(path: string): string | undefined },
  folder: string,
  files: readonly string[],
  ids: IdPatterns,
): { index: ImportedEvidenceIndex; skipped: Array<{ file: string; why: string }> } {
  const entries: ImportedEvidence[] = [];
  const skipped: Array<{ file: string; why: string }> = [];
  for (const file of files) {
    const text = reader.read(file);
    const entry = text === undefined ? undefined : readImportedEvidenceFile(file, text, ids);
    if (entry) entries.push(entry);
    else skipped.push({ file, why: text === undefined ? 'unreadable' : `names no gate (no gate id in its name, header or content: ${ids.describe('gate')})` });
  }
  return { index: { kind: 'nx-governance/imported-evidence', folder, entries }, skipped };
}

export function normalizeResult(text: string): ImportedResult | undefined {
  const word = text.trim().replace(/^[*_`]+/, '').toLowerCase();
  if (/^(pass|passed|ok|green|success|succeeded)\b/.test(word)) return 'pass';
  if (/^(fail|failed|failure|red|error)\b/.test(word)) return 'fail';
  if (/^blocked\b/.test(word)) return 'blocked';
  return undefined;
}

interface Read {
  date?: string;
  tasks: string[];
  gates: string[];
  result?: ImportedResult;
}

function readHeader(text: string, ids: IdPatterns): Read {
  const read: Read = { tasks: [], gates: [] };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).slice(0, 40);
  // The title names what the record is of ("# Evidence: M3-T01 / QG-CORE-001"), where a file name may run ids together.
  const title = lines.find((line) => /^#\s/.test(line));
  if (title) {
    read.tasks.push(...ids.findIn('task', title));
    read.gates.push(...ids.findIn('gate', title));
  }
  for (const line of lines) {
    const field = HEADER_FIELD.exec(line);
    if (!field) continue;
    const [key, value] = [field[1].toLowerCase(), field[2]];
    if (key === 'date' || key === 'ran' || key === 'run on') read.date ??= value.slice(0, 10);
    else if (key.startsWith('task')) read.tasks.push(...ids.findIn('task', value));
    else if (key === 'result' || key === 'outcome' || key === 'verdict') read.result ??= normalizeResult(value);
    else read.gates.push(...ids.findIn('gate', value));
  }
  return read;
}

function readJson(text: string, ids: IdPatterns): Read {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { tasks: [], gates: [] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { tasks: [], gates: [] };
  const record = value as Record<string, unknown>;
  const field = (...names: string[]) => names.map((n) => record[n]).find((v) => v !== undefined);
  const list = (v: unknown) => (Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '');
  const result = field('result', 'status', 'outcome');
  const date = field('date', 'finishedAt', 'at');
  return {
    ...(typeof date === 'string' ? { date: date.slice(0, 10) } : {}),
    tasks: ids.findIn('task', list(field('task', 'tasks', 'task_ids', 'taskIds'))),
    gates: ids.findIn('gate', list(field('gate', 'gates', 'vg_ids', 'vgIds', 'vg_id'))),
    ...(typeof result === 'string' && normalizeResult(result) ? { result: normalizeResult(result) } : {}),
  };
}

/** Results a file states without a header: a runner's summary in raw output, or a summary table of gates. */
function readSummary(kind: ImportedEvidence['kind'], text: string, ids: IdPatterns): { result?: ImportedResult; gates: string[]; from: ImportedEvidence['resultFrom'] } | undefined {
  if (kind === 'markdown') {
    const rows = [...text.matchAll(/^\|\s*`?([A-Za-z0-9][A-Za-z0-9._-]*)`?\s*\|\s*([^|]+?)\s*\|/gm)].filter((row) => ids.matches('gate', row[1]));
    if (rows.length === 0) return undefined;
    const results = rows.map((r) => normalizeResult(r[2]));
    const result = results.includes('fail') ? 'fail' : results.every((r) => r === 'pass') ? 'pass' : undefined;
    return { ...(result ? { result } : {}), gates: rows.map((r) => r[1]), from: result ? 'summary table' : 'nothing' };
  }
  if (kind === 'json') return undefined;
  const cargo = [...text.matchAll(/^test result: (ok|FAILED)\./gm)].map((m) => m[1]);
  const unittest = /^Ran \d+ tests? in [\d.]+s\s*\n\s*\n(OK|FAILED)\b/m.exec(text)?.[1];
  const verdicts = [...cargo, ...(unittest ? [unittest] : [])];
  if (verdicts.length === 0) return undefined;
  return { result: verdicts.includes('FAILED') ? 'fail' : 'pass', gates: [], from: 'runner summary' };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
