import { reportPath } from '../reports/report-path';
import { writeTaskEvidence, gateEvidenceFolder } from '../evidence/gate-store';
import { recordOrigin } from '../evidence/produced-by';
import { readLatestGateEvidenceFrom } from '../evidence/read-gate-evidence';
import { writeFileAtomically } from '../fs/write-file-atomically';
import { renderJunit } from '../reports/junit';
import { writeJsonReport } from '../reports/write-json-report';
import type { GovernanceSettings } from '../schemas/governance';
import { diskFileReader } from '../workspace/file-reader';
import type { GateSelection } from './select-gates';
import { type GateOrigin, type GateRunRow, summarizeGateRun } from './summarize-gate-run';

export interface GateRunClosing {
  root: string;
  settings: GovernanceSettings;
  selection: GateSelection;
  /** How each gate's task went in this Nx run, by gate id, when Nx said; otherwise read from the record's `producedBy`. */
  origins?: Record<string, GateOrigin>;
  /** The Nx task hash of each gate's task in this run, when known: a latest record with another hash is not this run's. */
  taskHashes?: Record<string, string | undefined>;
  reports: { junit?: string; json?: string | boolean };
}

/**
 * What ends every gate run, whoever ends it (the aggregate's executor when all
 * gates succeeded, the post-run hook when Nx skipped the aggregate): read each
 * gate's latest record, keep it only if it belongs to this run, file the task
 * cards' evidence, write the reports, and judge.
 */
export function closeGateRun(closing: GateRunClosing) {
  const { root, settings, selection } = closing;
  const reader = diskFileReader(root);
  const rows: GateRunRow[] = selection.gates.map((gate) => {
    const evidence = readLatestGateEvidenceFrom(reader, settings, gate.id);
    const expected = closing.taskHashes?.[gate.id];
    const current = !!evidence && (expected === undefined || evidence.record.taskHash === expected);
    const origin = closing.origins?.[gate.id] ?? (evidence && recordOrigin(evidence.record.producedBy, root) === 'this-run' ? 'ran' : 'restored');
    return { gate, origin, ...(current ? { evidence } : {}) };
  });
  for (const { task, milestone, gates } of selection.tasks) {
    for (const row of rows) {
      if (!gates.includes(row.gate.id) || !row.evidence) continue;
      const file = writeTaskEvidence(root, settings, row.evidence, { milestone, task, releaseClass: selection.releaseClass });
      (row.taskEvidence ??= []).push(file.slice(root.length + 1));
    }
  }
  const summary = summarizeGateRun(rows, (gate) => gateEvidenceFolder(settings, gate));
  summary.table.unshift(`${rows.length} gate(s) of ${selection.describe}: ${rows.map((r) => r.gate.id).join(', ')}`);
  const title = `nx-governance gates: ${selection.describe}`;
  if (closing.reports.junit) writeFileAtomically(reportPath(root, closing.reports.junit), renderJunit(title, summary.junitCases));
  writeJsonReport(root, closing.reports.json, { kind: 'nx-governance/gate-run', scope: selection.describe, passed: summary.passed, gates: summary.json });
  return summary;
}
