import { insideWorkspaceOrThrow } from '../fs/inside-workspace';
import { writeFileAtomically } from '../fs/write-file-atomically';
import { sealRecord, type Sealed } from './seal-record';

/**
 * Writes a decision (a release packet, a rollback decision) as sealed JSON and
 * the markdown a person reads, both atomically, under a name that is never reused.
 */
export function writeSealedRecord<T extends object>(root: string, folder: string, name: string, record: T, markdown: (sealed: Sealed<T>) => string): { sealed: Sealed<T>; file: string } {
  const sealed = sealRecord(record);
  const base = `${folder}/${name}`;
  // Folder and name are built from ids and versions: the write must land inside the workspace, through no symlink.
  const full = insideWorkspaceOrThrow(root, base, folder.split('/')[0]);
  writeFileAtomically(`${full}.md`, markdown(sealed));
  writeFileAtomically(`${full}.json`, `${JSON.stringify(sealed, null, 2)}\n`);
  return { sealed, file: `${base}.md` };
}
