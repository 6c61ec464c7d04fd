import { writeJsonReport } from '../reports/write-json-report';
import { diskFileReader } from '../workspace/file-reader';
import { validateGovernance, type ValidationResult } from './validate-governance';

export interface ValidationRun {
  root: string;
  settingsFile: string;
  projects: ReadonlyMap<string, readonly string[]>;
  strict: boolean;
  /** Where to write the JSON report, when one is asked for. */
  json?: string | boolean;
  /** The plugin's `gateTargetName`, when it renames the aggregates. */
  gateTargetName?: string;
}

/** Validates the governance data and writes the JSON report asked for: what validate runs, and what a restored validate still owes. */
export function runValidation(run: ValidationRun): ValidationResult {
  const result = validateGovernance(diskFileReader(run.root), run.settingsFile, { projects: run.projects, strict: run.strict, gateTargetName: run.gateTargetName });
  writeJsonReport(run.root, run.json, {
    kind: 'nx-governance/validate',
    settingsFile: run.settingsFile,
    valid: result.errors.length === 0,
    errors: result.errors,
    warnings: result.warnings,
  });
  return result;
}
