import { posix } from 'node:path';
import type { FileReader } from '../../lib/workspace/file-reader';
import { formatFiles, logger, type Tree } from '@nx/devkit';
import { latestImportedEvidence, loadImportedEvidence } from '../../lib/evidence/imported-evidence-index';
import { readLatestGateRecord } from '../../lib/evidence/read-gate-evidence';
import { loadSignaturePolicy } from '../../lib/evidence/signature-policy';
import { nextTaskId } from '../../lib/ids/next-id';
import { appendTaskCard, setTaskStatus } from '../../lib/milestone/edit-milestone';
import { splitGateIds } from '../../lib/milestone/parse-task-card';
import { isCalendarDate } from '../../lib/schemas/common';
import { todayUtc } from '../../lib/dates';
import { knownList } from '../../lib/text/known-list';
import { stagedProblems } from '../../lib/import/staged-governance';
import { loadTreeGovernance } from '../governance-tree';
import { normalizeOptions } from './normalize-options';
import type { TaskCardGeneratorSchema } from './schema';

export default async function taskCardGenerator(tree: Tree, raw: TaskCardGeneratorSchema): Promise<void> {
  const options = normalizeOptions(raw);
  const { data, reader } = loadTreeGovernance(tree, options.settingsFile);
  const milestoneProblem = data.ids.problem('milestone', options.milestone);
  if (milestoneProblem) throw new Error(`--milestone: ${milestoneProblem}`);
  const milestone = data.milestones.find((m) => m.id === options.milestone);
  if (!milestone) throw new Error(`Unknown milestone ${options.milestone}, expected one of: ${knownList(data.milestones.map((m) => m.id), options.milestone)}`);
  if (options.date !== undefined && !isCalendarDate(options.date)) throw new Error(`--date=${options.date}: expected a calendar date written YYYY-MM-DD`);

  if (options.task) {
    const card = milestone.taskCards.find((c) => c.id === options.task);
    if (!card) throw new Error(`Unknown task ${options.task} in ${milestone.id}, expected one of: ${knownList(milestone.taskCards.map((c) => c.id), options.task)}`);
    if (!options.status) throw new Error('--task updates a card: give --status');
    if (options.status === 'done') {
      const imported = loadImportedEvidence(reader, posix.dirname(data.settingsFile));
      if (!imported.ok) throw new Error(`${card.id}: the imported evidence index is unreadable; fix or re-import it:\n${imported.reason}`);
      // A generator cannot ask Nx for task hashes: a trusted record that says pass is what marks a card done.
      const policy = loadSignaturePolicy(reader, data);
      const sealed = (gate: string) => {
        const read = policy.ok ? readLatestGateRecord(reader, data.settings, gate, policy.policy) : undefined;
        return read?.ok === true && read.value.record.result === 'pass';
      };
      const importedOf = (gate: string) => latestImportedEvidence(imported.index, gate, card.id);
      const missing = card.requiredGates.filter((gate) => !sealed(gate) && importedOf(gate)?.result !== 'pass');
      if (missing.length) {
        const said = missing.map((gate) => importedOf(gate)).flatMap((e) => (e ? [`${e.file} says ${e.result}`] : []));
        throw new Error(
          `${card.id} cannot be done: no passing evidence for ${missing.join(', ')}${said.length ? ` (imported evidence: ${said.join('; ')})` : ''}; run nx run governance:gate --task=${card.id} first`,
        );
      }
      for (const gate of card.requiredGates.filter((g) => !sealed(g))) logger.info(`${gate}: passing imported evidence ${importedOf(gate)?.file} (unsealed, imported)`);
    }
    const date = options.date ?? (options.status === 'done' ? todayUtc() : undefined);
    writeValidated(tree, reader, data.settingsFile, milestone.file, setTaskStatus(milestone, card, options.status, date));
  } else {
    if (!options.title?.trim()) throw new Error('A new card needs --title');
    const known = new Set((data.gates?.data.gates ?? []).map((g) => g.id));
    const gates = splitGateIds(options.gates ?? '');
    const gateProblem = gates.map((g) => data.ids.problem('gate', g)).find(Boolean);
    if (gateProblem) throw new Error(`--gates: ${gateProblem}`);
    const id = nextTaskId(data.ids, milestone.id, milestone.taskCards.map((c) => c.id));
    if (!id.ok) throw new Error(id.reason);
    const unknown = gates.filter((g) => !known.has(g));
    if (unknown.length) throw new Error(`Unknown gate(s) ${unknown.join(', ')}; known gates: ${knownList(known, unknown[0])}`);
    const list = (text: string | undefined, fallback: string) => {
      const items = (text ?? '').split(';').map((s) => s.trim()).filter(Boolean);
      return items.length ? items : [fallback];
    };
    writeValidated(
      tree,
      reader,
      data.settingsFile,
      milestone.file,
      appendTaskCard(milestone, {
        id: id.id,
        title: options.title.trim(),
        goal: options.goal?.trim() || 'State what this card achieves.',
        status: options.status ?? 'todo',
        ...(options.date ? { statusDate: options.date } : {}),
        workItems: list(options.workItems, 'List the work.'),
        acceptanceCriteria: list(options.acceptanceCriteria, 'State how done is recognised.'),
        requiredGates: gates,
      }),
    );
  }
  if (!options.skipFormat) await formatFiles(tree);
}

/** The edited milestone is written only when the governance stays valid with it. */
function writeValidated(tree: Tree, reader: FileReader, settingsFile: string, file: string, text: string): void {
  const problems = stagedProblems(reader, new Map([[file, text]]), settingsFile);
  if (problems.length) throw new Error(`${file} would not validate after this edit; nothing was written:\n${problems.join('\n')}`);
  tree.write(file, text);
}
