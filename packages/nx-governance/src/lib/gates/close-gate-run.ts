import { reportPath } from '../reports/report-path';
import { writeTaskEvidence } from '../evidence/gate-store';
import { type AS_RECORDED, judgeGateEvidence, judgedRecord } from '../evidence/judge-gate-evidence';
import { recordOrigin } from '../evidence/produced-by';
import { loadSignaturePolicy } from '../evidence/signature-policy';
import { writeFileAtomically } from '../fs/write-file-atomically';
import { renderJunit } from '../reports/junit';
import { writeJsonReport } from '../reports/write-json-report';
import { diskFileReader } from '../workspace/file-reader';
import type { GovernanceData } from '../workspace/load-governance';
import type { GateSelection } from './select-gates';
import { type GateOrigin, type GateRunRow, summarizeGateRun } from './summarize-gate-run';

export interface GateRunClosing {
  root: string;
  governance: Pick<GovernanceData, 'settings' | 'settingsFile'>;
  selection: GateSelection;
  /** How each gate's task went in this Nx run, by gate id, when Nx said; otherwise read from the record's `producedBy`. */
  origins?: Record<string, GateOrigin>;
  /**
   * The Nx task hash of each gate's task in this run; a gate without one is judged `unknown`, never a pass.
   * `AS_RECORDED` for a gate whose record this very run wrote without a hash (the post-run hook's `fail` of a
   * gate Nx skipped): it is this run's, so its result is the gate's now.
   */
  taskHashes: Record<string, string | undefined | typeof AS_RECORDED>;
  /** Why a gate has no hash in `taskHashes`, when the caller knows. */
  unknownHashWhy?: string;
  reports: { junit?: string; json?: string | boolean };
}

/**
 * What ends every gate run, whoever ends it (the aggregate's executor when all
 * gates succeeded, the post-run hook when Nx skipped the aggregate): judge each
 * gate's latest record (judgeGateEvidence: trusted, whole chain, this run's
 * task hash), file the task cards' evidence, write the reports, and decide.
 */
export function closeGateRun(closing: GateRunClosing) {
  const { root, governance, selection } = closing;
  const { settings } = governance;
  const reader = diskFileReader(root);
  const policy = loadSignaturePolicy(reader, governance);
  const rows: GateRunRow[] = selection.gates.map((gate) => {
    const origin = closing.origins?.[gate.id];
    const judgement = judgeGateEvidence({
      root,
      reader,
      settings,
      policy,
      gate: gate.id,
      currentTaskHash: closing.taskHashes[gate.id],
      unknownHashWhy: origin === 'not-run' ? 'the gate did not run in this run' : (closing.unknownHashWhy ?? 'Nx gave the gate task no hash in this run'),
    });
    const evidence = 'evidence' in judgement ? judgement.evidence : undefined;
    return { gate, judgement, origin: origin ?? (evidence && recordOrigin(evidence.record.producedBy, root) === 'this-run' ? 'ran' : 'restored') };
  });
  for (const { task, milestone, gates } of selection.tasks) {
    for (const row of rows) {
      const evidence = judgedRecord(row.judgement);
      if (!gates.includes(row.gate.id) || !evidence) continue;
      const file = writeTaskEvidence(root, settings, evidence, { milestone, task, releaseClass: selection.releaseClass });
      (row.taskEvidence ??= []).push(file.slice(root.length + 1));
    }
  }
  const summary = summarizeGateRun(rows);
  summary.table.unshift(`${rows.length} gate(s) of ${selection.describe}: ${rows.map((r) => r.gate.id).join(', ')}`);
  const title = `nx-governance gates: ${selection.describe}`;
  if (closing.reports.junit) writeFileAtomically(reportPath(root, closing.reports.junit), renderJunit(title, summary.junitCases));
  writeJsonReport(root, closing.reports.json, { kind: 'nx-governance/gate-run', scope: selection.describe, passed: summary.passed, gates: summary.json });
  return summary;
}
