import { writeFileAtomically } from '../fs/write-file-atomically';
import { reportDestination } from './report-path';

/** A judging command's JSON report, where `--json` asks for it (a file, or standard output); nothing when it does not. */
export function writeJsonReport(root: string, json: string | boolean | undefined, report: object): void {
  const destination = reportDestination(root, json);
  if (!destination) return;
  const text = `${JSON.stringify(report, null, 2)}\n`;
  if (destination.to === 'stdout') process.stdout.write(text);
  else writeFileAtomically(destination.path, text);
}
