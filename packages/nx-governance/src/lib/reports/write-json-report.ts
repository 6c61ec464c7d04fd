import { writeFileAtomically } from '../fs/write-file-atomically';

export function writeJsonReport(path: string, report: object): void {
  writeFileAtomically(path, `${JSON.stringify(report, null, 2)}\n`);
}
