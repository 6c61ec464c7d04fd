import { join } from 'node:path';
import { type ExecutorContext, logger } from '@nx/devkit';
import { writeTaskEvidence } from '../../core/evidence/gate-store';
import { readLatestGateEvidenceFrom } from '../../core/evidence/read-gate-evidence';
import { diskFileReader } from '../../core/workspace/file-reader';
import { selectGates } from '../../core/gates/select-gates';
import { summarizeGateRun, type GateRunRow } from '../../core/gates/summarize-gate-run';
import { isDirty } from '../../core/git/git';
import { writeFileAtomically } from '../../core/fs/write-file-atomically';
import { renderJunit } from '../../core/reports/junit';
import { writeJsonReport } from '../../core/reports/write-json-report';
import { currentTaskHashes } from '../nx-task-hash';
import { runNx } from '../run-nx';
import { loadWorkspaceGovernance } from '../workspace-governance';
import type { GateExecutorSchema } from './schema';

export default async function gateExecutor(options: GateExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const { data } = loadWorkspaceGovernance(context.root, options.settingsFile);
  const { selection, error } = selectGates(data, options);
  if (!selection) {
    logger.error(error!);
    return { success: false };
  }
  if (options.requireClean && isDirty(context.root, undefined, data.settings.paths.evidence)) {
    logger.error('The tree has uncommitted changes; --require-clean refuses to produce evidence for it. Commit or stash first.');
    return { success: false };
  }
  const project = context.projectName!;
  const ids = selection.gates.map((g) => g.id);
  if (ids.length === 0) {
    logger.info(`No gate to run for ${selection.scope}.`);
    return { success: true };
  }
  logger.info(`Running ${ids.length} gate(s) for ${selection.scope}: ${ids.join(', ')}`);
  const started = new Date();
  const run = await runNx(context.root, ['run-many', `--targets=${ids.join(',')}`, `--projects=${project}`, `--parallel=${options.parallel ?? 3}`, '--outputStyle=stream'], {
    inheritOutput: true,
  });

  // When every gate target succeeded, each latest record is this run's (written or restored by Nx).
  // Otherwise some may not have run: hash after the run (a gate's inputs include its dependencies'
  // outputs, which the run may have just rewritten) and keep only current evidence.
  const expected = run.code === 0 ? undefined : await currentTaskHashes(project, ids);
  const reader = diskFileReader(context.root);
  const rows: GateRunRow[] = selection.gates.map((gate) => {
    const evidence = readLatestGateEvidenceFrom(reader, data.settings, gate.id);
    const current = !!evidence && (!expected || evidence.record.taskHash === expected[gate.id]);
    return { gate, evidence: current ? evidence : undefined, fromCache: current && new Date(evidence!.record.finishedAt) < started };
  });
  const date = started.toISOString().slice(0, 10);
  for (const { task, milestone, gates } of selection.tasks) {
    for (const row of rows.filter((r) => gates.includes(r.gate.id) && r.evidence)) {
      const file = writeTaskEvidence(context.root, data.settings, row.evidence!, { date, milestone, task, releaseClass: selection.releaseClass });
      (row.taskEvidence ??= []).push(file.slice(context.root.length + 1));
    }
  }

  const summary = summarizeGateRun(rows);
  for (const line of summary.table) logger.info(line);
  if (options.junit) writeFileAtomically(join(context.root, options.junit), renderJunit(`nx-governance gates: ${selection.scope}`, summary.junitCases));
  if (options.json) writeJsonReport(join(context.root, options.json), { kind: 'nx-governance/gate-run', scope: selection.scope, passed: summary.passed, gates: summary.json });
  (summary.passed ? logger.info : logger.error)(summary.verdict);
  return { success: summary.passed };
}
