import type { GateEvidence } from '../evidence/gate-record';
import type { JunitCase } from '../reports/junit';
import type { Gate } from '../schemas/gates';

export interface GateRunRow {
  gate: Gate;
  /** The gate's evidence when it is current for this run; absent when the gate did not run. */
  evidence?: GateEvidence;
  fromCache: boolean;
  taskEvidence?: string[];
}

/** The table, the verdict and the machine-readable forms of a gate run. */
export function summarizeGateRun(rows: GateRunRow[]) {
  const resultOf = (row: GateRunRow) => row.evidence?.record.result ?? 'fail';
  const noteOf = (row: GateRunRow) =>
    row.evidence ? row.evidence.record.notes.join('; ') : 'no current evidence: the gate target did not run (see the output above: a dependency failed?)';
  const blockingFailures = rows.filter((r) => r.gate.enforcement === 'blocking' && resultOf(r) !== 'pass');
  const advisoryFindings = rows.filter((r) => r.gate.enforcement === 'advisory' && resultOf(r) !== 'pass');
  const table = [
    '',
    `${'Gate'.padEnd(24)} ${'Result'.padEnd(12)} ${'Duration'.padStart(9)}  Evidence`,
    ...rows.map((row) => {
      const duration = row.evidence ? `${(row.evidence.record.durationMs / 1000).toFixed(1)}s${row.fromCache ? '*' : ''}` : '-';
      const file = row.taskEvidence?.join(', ') ?? (row.evidence ? `evidence/gates/${row.gate.id}/latest.md` : '-');
      const result = `${resultOf(row)}${row.gate.enforcement === 'advisory' ? ' (adv.)' : ''}`;
      return `${row.gate.id.padEnd(24)} ${result.padEnd(12)} ${duration.padStart(9)}  ${file}${resultOf(row) === 'pass' ? '' : `\n${' '.repeat(25)}${noteOf(row)}`}`;
    }),
    ...(rows.some((r) => r.fromCache) ? ['(* restored from the Nx cache: nothing it depends on changed)'] : []),
    '',
  ];
  const passed = blockingFailures.length === 0;
  const verdict = passed
    ? `All ${rows.length - advisoryFindings.length} required gate(s) passed${advisoryFindings.length ? `; ${advisoryFindings.length} advisory finding(s)` : ''}.`
    : `${blockingFailures.length} blocking gate(s) did not pass: ${blockingFailures.map((r) => `${r.gate.id} (${resultOf(r)})`).join(', ')}.`;
  const junitCases: JunitCase[] = rows.map((row) => ({
    name: row.gate.id,
    classname: `governance.${row.gate.enforcement}`,
    seconds: (row.evidence?.record.durationMs ?? 0) / 1000,
    ...(resultOf(row) === 'pass' ? {} : resultOf(row) === 'pending' ? { skipped: noteOf(row) } : { failure: `${resultOf(row)}: ${noteOf(row)}` }),
  }));
  const json = rows.map((row) => ({
    gate: row.gate.id,
    enforcement: row.gate.enforcement,
    result: resultOf(row),
    notes: noteOf(row),
    fromCache: row.fromCache,
    digest: row.evidence?.digest,
    taskEvidence: row.taskEvidence ?? [],
  }));
  return { table, verdict, passed, junitCases, json };
}
