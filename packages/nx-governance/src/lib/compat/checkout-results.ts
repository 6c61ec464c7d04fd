import { existsSync } from 'node:fs';
import { compatsFolder, type EvidenceSettings } from '../evidence/evidence-layout';
import { git, headCommit, uncommittedFilesIn } from '../git/git';
import type { CompatRecord } from './compat-result';

/** Whether a consumer's latest result (its file, its record) belongs in the matrix of the checkout read. */
export type ResultCurrency = (file: string, record: CompatRecord) => boolean;

/** Every result counts: a reader of a git revision (everything it reads is committed there), or no repository at all. */
export const EVERY_RESULT: ResultCurrency = () => true;

/**
 * The results that belong to this checkout's matrix: a latest result committed
 * as it is, or one made at the commit checked out (a run here, to be committed
 * with the rendered matrix). An uncommitted result made at another commit is a
 * branch's run that git carried along when the branch was left: it made main's
 * matrix, compat-query and `nx sync` say what the branch found. Where git
 * cannot say what is committed, no uncommitted result counts; where there is no
 * repository, there is no branch to carry one, and every result counts.
 */
export function resultsOfCheckout(root: string, settings: EvidenceSettings): ResultCurrency {
  if (!existsSync(root) || git(root, ['rev-parse', '--is-inside-work-tree']) !== 'true') return EVERY_RESULT;
  const head = headCommit(root);
  let uncommitted: ReturnType<typeof uncommittedFilesIn> | undefined;
  return (file, record) => {
    if (head !== undefined && record.tuple.core.commit === head) return true;
    uncommitted ??= uncommittedFilesIn(root, compatsFolder(settings));
    return uncommitted.ok && !uncommitted.files.includes(file);
  };
}
