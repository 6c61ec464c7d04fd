import { join } from 'node:path';
import { writeFileAtomically } from '../fs/write-file-atomically';
import { sealRecord, type Sealed } from './seal-record';

/**
 * Writes a decision (a release packet, a rollback decision) as sealed JSON and
 * the markdown a person reads, both atomically, under a name that is never reused.
 */
export function writeSealedRecord<T extends object>(root: string, folder: string, name: string, record: T, markdown: (sealed: Sealed<T>) => string): { sealed: Sealed<T>; file: string } {
  const sealed = sealRecord(record);
  const base = `${folder}/${name}`;
  writeFileAtomically(join(root, `${base}.md`), markdown(sealed));
  writeFileAtomically(join(root, `${base}.json`), `${JSON.stringify(sealed, null, 2)}\n`);
  return { sealed, file: `${base}.md` };
}
