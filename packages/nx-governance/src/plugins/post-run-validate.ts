import { runValidation } from '../lib/validation';
import { DEFAULT_SETTINGS_FILE } from '../lib/workspace/load-governance';
import { type NxRun, stringOption } from './post-run-tasks';

/** A restored validate replayed its output; the `--json` report asked for now is this run's to write. */
export function writeRestoredValidateReport(run: NxRun, options: Record<string, unknown>): void {
  const settingsFile = stringOption(options.settingsFile) ?? DEFAULT_SETTINGS_FILE;
  runValidation({ root: run.root, settingsFile, projects: run.projectTargets(), strict: options.strict === true, json: stringOption(options.json), gateTargetName: run.names.gateTargetName });
}
