import { type GateJudgement, judgementBlocks, judgementWords } from '../evidence/judge-gate-evidence';
import type { JunitCase } from '../reports/junit';
import type { Gate } from '../schemas/gates';

/** How a gate's latest record came to be in this run. */
export type GateOrigin = 'ran' | 'restored' | 'not-run';

export interface GateRunRow {
  gate: Gate;
  /** What the gate's evidence is worth now (judgeGateEvidence): only `pass` passes. */
  judgement: GateJudgement;
  origin: GateOrigin;
  taskEvidence?: string[];
}

const ORIGIN_WORDS: Record<GateOrigin, string> = {
  ran: 'ran in this run',
  restored: 'restored by Nx from a cache (nothing it depends on changed); re-judged now',
  'not-run': 'did not run: an Nx target step it needs failed or did not run',
};

/** The table, the verdict and the machine-readable forms of a gate run, each gate as `judgeGateEvidence` judged it. */
export function summarizeGateRun(rows: GateRunRow[]) {
  const stateOf = (row: GateRunRow) => row.judgement.state;
  // The state is the result column: the note is the judgement's words and what to run.
  const noteOf = (row: GateRunRow) => (row.judgement.state === 'pass' ? row.judgement.reason : judgementWords(row.judgement));
  const evidenceOf = (row: GateRunRow) => ('evidence' in row.judgement ? row.judgement.evidence : undefined);
  const blockingFailures = rows.filter((r) => judgementBlocks(r.judgement, r.gate.enforcement));
  const advisoryFindings = rows.filter((r) => r.gate.enforcement === 'advisory' && stateOf(r) !== 'pass');
  const mark: Record<GateOrigin, string> = { ran: '', restored: '*', 'not-run': '!' };
  const table = [
    '',
    `${'Gate'.padEnd(24)} ${'Result'.padEnd(12)} ${'Duration'.padStart(9)}  Evidence`,
    ...rows.map((row) => {
      const evidence = evidenceOf(row);
      const duration = evidence ? `${(evidence.record.durationMs / 1000).toFixed(1)}s${mark[row.origin]}` : `-${mark[row.origin]}`;
      const file = row.taskEvidence?.join(', ') ?? (row.judgement.state === 'missing' ? '-' : row.judgement.file.replace(/\.json$/, '.md'));
      const result = `${stateOf(row)}${row.gate.enforcement === 'advisory' ? ' (adv.)' : ''}`;
      return `${row.gate.id.padEnd(24)} ${result.padEnd(12)} ${duration.padStart(9)}  ${file}${stateOf(row) === 'pass' ? '' : `\n${' '.repeat(25)}${noteOf(row)}`}`;
    }),
    ...(rows.some((r) => r.origin === 'restored') ? [`(* ${ORIGIN_WORDS.restored})`] : []),
    ...(rows.some((r) => r.origin === 'not-run') ? [`(! ${ORIGIN_WORDS['not-run']})`] : []),
    '',
  ];
  const passed = blockingFailures.length === 0;
  const verdict = passed
    ? `All ${rows.length - advisoryFindings.length} required gate(s) passed${advisoryFindings.length ? `; ${advisoryFindings.length} advisory finding(s)` : ''}.`
    : `${blockingFailures.length} blocking gate(s) did not pass: ${blockingFailures.map((r) => `${r.gate.id} (${stateOf(r)})`).join(', ')}.`;
  const junitCases: JunitCase[] = rows.map((row) => {
    // A CI reader sees the state first; what to run is in the table and the JSON's `fix`.
    const finding = stateOf(row) === 'pass' ? undefined : `${stateOf(row)}: ${row.judgement.reason}`;
    const verdict = !finding ? {} : row.gate.enforcement === 'advisory' ? { systemOut: `advisory finding, not blocking: ${finding}` } : { failure: { message: finding, output: outputTail(row) } };
    return { name: row.gate.id, classname: `governance.${row.gate.enforcement}`, seconds: (evidenceOf(row)?.record.durationMs ?? 0) / 1000, ...verdict };
  });
  const json = rows.map((row) => ({
    gate: row.gate.id,
    enforcement: row.gate.enforcement,
    result: stateOf(row),
    notes: row.judgement.reason,
    ...('fix' in row.judgement && row.judgement.fix ? { fix: row.judgement.fix } : {}),
    origin: row.origin,
    fromCache: row.origin === 'restored',
    digest: evidenceOf(row)?.digest,
    taskEvidence: row.taskEvidence ?? [],
  }));
  return { table, verdict, passed, junitCases, json };
}

/** The output a CI reader needs beside a failure: the tail of the last step that printed something. */
function outputTail(row: GateRunRow): string[] {
  const steps = ('evidence' in row.judgement ? row.judgement.evidence?.record.steps : undefined) ?? [];
  return [...steps].reverse().find((step) => step.tail?.length)?.tail ?? [];
}
