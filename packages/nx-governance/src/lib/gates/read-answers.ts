import { z } from 'zod';
import type { ChecklistAnswer } from '../evidence/gate-record';
import { formatDiagnostic } from '../diagnostics';
import { parseDataFile } from '../schemas/parse-data-file';

const answer = z.strictObject({
  item: z.string().optional().meta({ description: 'The checklist item; checked against the gate when given.' }),
  answer: z.enum(['yes', 'no']),
  note: z.string().default(''),
});
const answersFile = z.union([z.array(answer), z.strictObject({ $schema: z.string().optional(), answers: z.array(answer) })]);

/** Answers from a JSON file, one per checklist item in order; every mismatch is named. */
export function readAnswers(file: string, text: string, checklist: string[]): { ok: true; answers: ChecklistAnswer[] } | { ok: false; error: string } {
  const parsed = parseDataFile(file, text, answersFile);
  if (!parsed.ok) return { ok: false, error: parsed.diagnostics.map(formatDiagnostic).join('\n') };
  const list = Array.isArray(parsed.data) ? parsed.data : parsed.data.answers;
  if (list.length !== checklist.length) {
    return { ok: false, error: `${file}: found ${list.length} answer(s), expected one for each of the gate's ${checklist.length} checklist item(s)` };
  }
  const mismatch = list.findIndex((a, i) => a.item !== undefined && a.item !== checklist[i]);
  if (mismatch >= 0) return { ok: false, error: `${file}: answer ${mismatch + 1} is for "${list[mismatch].item}", expected "${checklist[mismatch]}"` };
  return { ok: true, answers: list.map((a, i) => ({ item: checklist[i], answer: a.answer, note: a.note })) };
}
