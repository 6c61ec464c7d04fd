import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { type ExecutorContext, logger } from '@nx/devkit';
import { reportPath } from '../../lib/reports/report-path';
import type { ChecklistAnswer } from '../../lib/evidence/gate-record';
import { appendGateRecord } from '../../lib/evidence/gate-store';
import { manualGateFingerprint, writeAttestation } from '../../lib/gates/attestation';
import { gitUser } from '../../lib/git/git-user';
import { readAnswers } from '../../lib/gates/read-answers';
import { runGate } from '../../lib/gates/run-gate';
import { knownList } from '../../lib/text/known-list';
import { loadGovernanceForExecutor, toolVersions, usableSigningKey } from '../workspace-governance';
import { normalizeOptions } from './normalize-options';
import type { AttestExecutorSchema } from './schema';
import type { GovernanceData } from '../../lib/workspace/load-governance';
import { withOneLineWriteErrors } from '../one-line-write-errors';

async function attestExecutor(raw: AttestExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const governance = loadGovernanceForExecutor(context, options.settingsFile);
  if (!governance.ok) return { success: false };
  const { data, consumers } = governance;
  const manual = (data.gates?.data.gates ?? []).filter((g) => g.kind === 'manual');
  const gate = manual.find((g) => g.id === options.gate);
  if (!gate || gate.kind !== 'manual') {
    logger.error(`Unknown manual gate ${options.gate}, expected one of: ${knownList(manual.map((g) => g.id), options.gate)}`);
    return { success: false };
  }
  const taskProblem = options.task === undefined ? undefined : unknownTask(data, options.task);
  if (taskProblem) {
    logger.error(`--task: ${taskProblem}`);
    return { success: false };
  }
  // Refused before the attestation is written: a record the readers would reject is never appended.
  const key = usableSigningKey(context.root, data);
  if (!key.ok) {
    logger.error(`${gate.id}: ${key.error}`);
    return { success: false };
  }
  let answers: ChecklistAnswer[];
  if (options.answers) {
    const read = readAnswers(options.answers, readFileSync(reportPath(context.root, options.answers), 'utf8'), gate.checklist);
    if (!read.ok) {
      logger.error(read.error);
      return { success: false };
    }
    answers = read.answers;
  } else if (process.stdin.isTTY) {
    answers = await askChecklist(gate.checklist);
  } else {
    logger.error('No terminal to ask the checklist in: pass --answers=<file.json> (one {"answer": "yes"|"no", "note": "..."} per item).');
    return { success: false };
  }
  const file = writeAttestation(context.root, data.settings, {
    kind: 'nx-governance/attestation',
    gate: gate.id,
    ...(options.task ? { task: options.task } : {}),
    fingerprint: manualGateFingerprint(context.root, gate),
    by: gitUser(context.root),
    at: new Date().toISOString(),
    answers,
  });
  logger.info(`Attestation written: ${file}`);
  const record = await runGate({
    root: context.root,
    settings: data.settings,
    gate,
    consumers,
    context: { task: options.task },
    versions: toolVersions(context.root),
    log: (line) => logger.info(line),
  });
  const { evidence } = appendGateRecord(context.root, data.settings, record, key.pem);
  logger.info(`[${gate.id}] ${evidence.record.result}${evidence.record.notes.length ? `: ${evidence.record.notes.join('; ')}` : ''}`);
  return { success: evidence.record.result === 'pass' };
}

/** Why `task` names no task card of the data: its form (ids.task), or no card has it. */
function unknownTask(data: GovernanceData, task: string): string | undefined {
  const formProblem = data.ids.problem('task', task);
  if (formProblem) return formProblem;
  const cards = data.milestones.flatMap((m) => m.taskCards.map((c) => c.id));
  return cards.includes(task) ? undefined : `unknown task ${task}, expected a task card of the milestones: ${knownList(cards, task)}`;
}

async function askChecklist(checklist: string[]): Promise<ChecklistAnswer[]> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answers: ChecklistAnswer[] = [];
  try {
    for (const [index, item] of checklist.entries()) {
      let answer = '';
      while (!/^(y|n|yes|no)$/i.test(answer)) answer = (await prompt.question(`(${index + 1}/${checklist.length}) ${item}\n  Confirmed? [y/n] `)).trim();
      const note = (await prompt.question('  Note (optional): ')).trim();
      answers.push({ item, answer: /^y/i.test(answer) ? 'yes' : 'no', note });
    }
  } finally {
    prompt.close();
  }
  return answers;
}

export default withOneLineWriteErrors(attestExecutor);
