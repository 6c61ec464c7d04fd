import type { GateEvidence } from '../evidence/gate-record';
import type { JunitCase } from '../reports/junit';
import type { Gate } from '../schemas/gates';

/** How a gate's latest record came to be in this run. */
export type GateOrigin = 'ran' | 'restored' | 'not-run';

export interface GateRunRow {
  gate: Gate;
  /** The gate's evidence when it is current for this run; absent when there is none to trust. */
  evidence?: GateEvidence;
  origin: GateOrigin;
  taskEvidence?: string[];
}

const ORIGIN_WORDS: Record<GateOrigin, string> = {
  ran: 'ran in this run',
  restored: 'restored by Nx from a cache (nothing it depends on changed)',
  'not-run': 'did not run: an Nx target step it needs failed or did not run',
};

/** The table, the verdict and the machine-readable forms of a gate run. */
export function summarizeGateRun(rows: GateRunRow[], evidenceFolder: (gate: string) => string) {
  const resultOf = (row: GateRunRow) => row.evidence?.record.result ?? 'fail';
  const noteOf = (row: GateRunRow) => (row.evidence ? row.evidence.record.notes.join('; ') : 'no current evidence for this run: the gate target did not run or its record does not match');
  const blockingFailures = rows.filter((r) => r.gate.enforcement === 'blocking' && resultOf(r) !== 'pass');
  const advisoryFindings = rows.filter((r) => r.gate.enforcement === 'advisory' && resultOf(r) !== 'pass');
  const mark: Record<GateOrigin, string> = { ran: '', restored: '*', 'not-run': '!' };
  const table = [
    '',
    `${'Gate'.padEnd(24)} ${'Result'.padEnd(12)} ${'Duration'.padStart(9)}  Evidence`,
    ...rows.map((row) => {
      const duration = row.evidence ? `${(row.evidence.record.durationMs / 1000).toFixed(1)}s${mark[row.origin]}` : `-${mark[row.origin]}`;
      const file = row.taskEvidence?.join(', ') ?? (row.evidence ? `${evidenceFolder(row.gate.id)}/latest.md` : '-');
      const result = `${resultOf(row)}${row.gate.enforcement === 'advisory' ? ' (adv.)' : ''}`;
      return `${row.gate.id.padEnd(24)} ${result.padEnd(12)} ${duration.padStart(9)}  ${file}${resultOf(row) === 'pass' ? '' : `\n${' '.repeat(25)}${noteOf(row)}`}`;
    }),
    ...(rows.some((r) => r.origin === 'restored') ? [`(* ${ORIGIN_WORDS.restored})`] : []),
    ...(rows.some((r) => r.origin === 'not-run') ? [`(! ${ORIGIN_WORDS['not-run']})`] : []),
    '',
  ];
  const passed = blockingFailures.length === 0;
  const verdict = passed
    ? `All ${rows.length - advisoryFindings.length} required gate(s) passed${advisoryFindings.length ? `; ${advisoryFindings.length} advisory finding(s)` : ''}.`
    : `${blockingFailures.length} blocking gate(s) did not pass: ${blockingFailures.map((r) => `${r.gate.id} (${resultOf(r)})`).join(', ')}.`;
  const junitCases: JunitCase[] = rows.map((row) => {
    const finding = resultOf(row) === 'pass' ? undefined : `${resultOf(row)}: ${noteOf(row)}`;
    const verdict = !finding ? {} : row.gate.enforcement === 'advisory' ? { systemOut: `advisory finding, not blocking: ${finding}` } : { failure: { message: finding, output: outputTail(row) } };
    return { name: row.gate.id, classname: `governance.${row.gate.enforcement}`, seconds: (row.evidence?.record.durationMs ?? 0) / 1000, ...verdict };
  });
  const json = rows.map((row) => ({
    gate: row.gate.id,
    enforcement: row.gate.enforcement,
    result: resultOf(row),
    notes: noteOf(row),
    origin: row.origin,
    fromCache: row.origin === 'restored',
    digest: row.evidence?.digest,
    taskEvidence: row.taskEvidence ?? [],
  }));
  return { table, verdict, passed, junitCases, json };
}

/** The output a CI reader needs beside a failure: the tail of the last step that printed something. */
function outputTail(row: GateRunRow): string[] {
  const steps = row.evidence?.record.steps ?? [];
  return [...steps].reverse().find((step) => step.tail?.length)?.tail ?? [];
}
