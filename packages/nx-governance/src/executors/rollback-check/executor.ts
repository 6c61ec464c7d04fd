import { type ExecutorContext, logger } from '@nx/devkit';
import { reportPath } from '../../core/gates/close-gate-run';
import { resolveCore } from '../../core/consumers/resolve-core';
import { writeSealedRecord } from '../../core/evidence/write-sealed-record';
import { git } from '../../core/git/git';
import { evaluateRollbackTriggers } from '../../core/release/evaluate-rollback';
import { describeTuple, procedureLines, type RollbackDecision, renderRollbackMarkdown } from '../../core/release/rollback-decision';
import { writeJsonReport } from '../../core/reports/write-json-report';
import { diskFileReader } from '../../core/workspace/file-reader';
import { loadGovernanceForExecutor } from '../workspace-governance';
import type { RollbackCheckExecutorSchema } from './schema';

export default async function rollbackCheckExecutor(options: RollbackCheckExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const playbook = data.playbook?.data;
  if (!playbook) {
    logger.error('No playbook.json: there are no rollback triggers to evaluate.');
    return { success: false };
  }
  const revision = (rev: string) => git(context.root, ['rev-parse', '--verify', `${rev}^{commit}`]);
  const candidateRev = options.candidate ?? 'HEAD';
  const [candidate, baseline] = [revision(candidateRev), revision(String(options.baseline))];
  if (!candidate || !baseline) {
    logger.error(`Unknown revision ${!candidate ? candidateRev : options.baseline}: expected a commit, branch or tag of this repository`);
    return { success: false };
  }
  const core = resolveCore(diskFileReader(context.root), data.settings);
  const coreCommit = core.path ? git(context.root, ['log', '-1', '--format=%H', candidate, '--', core.path]) : undefined;
  const triggers = evaluateRollbackTriggers(playbook.rollbackTriggers, {
    root: context.root,
    settings: data.settings,
    gates: data.gates?.data.gates ?? [],
    consumers: consumers.map((c) => c.name),
    candidate: { rev: candidateRev, commit: candidate, ...(coreCommit ? { coreCommit } : {}) },
    baseline: { rev: String(options.baseline), commit: baseline },
  });
  const fired = triggers.filter((t) => t.state === 'fired');
  const decision: RollbackDecision = {
    kind: 'nx-governance/rollback-decision',
    decidedAt: new Date().toISOString(),
    candidate: { rev: candidateRev, commit: candidate },
    baseline: { rev: String(options.baseline), commit: baseline },
    triggers,
    rollback: fired.length > 0,
    rollbackTuple: data.compatibility?.data.tuples.find((t) => t.id === 'rollback'),
    procedure: playbook.rollbackProcedure,
  };
  for (const t of triggers) (t.state === 'fired' ? logger.error : t.state === 'inconclusive' ? logger.warn : logger.info)(`${t.id.padEnd(16)} ${t.state.padEnd(13)} ${t.reason}`);
  const { sealed, file } = writeSealedRecord(context.root, `${data.settings.paths.evidence}/rollback`, decision.decidedAt.replace(/[:.]/g, '-'), decision, (d) => renderRollbackMarkdown(d, playbook));
  if (options.json) writeJsonReport(reportPath(context.root, options.json), sealed);
  if (!decision.rollback) {
    logger.info(`No trigger fired: no rollback. Decision recorded in ${file}.`);
    return { success: true };
  }
  logger.error(`ROLL BACK: ${fired.map((t) => t.id).join(', ')} fired. Roll back to ${describeTuple(decision.rollbackTuple)}:`);
  for (const line of procedureLines(playbook)) logger.error(line);
  logger.error(`Decision recorded in ${file}.`);
  return { success: false };
}
