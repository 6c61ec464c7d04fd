import { type DiagnosticReport, splitBySeverity } from '../diagnostics';
import type { FileReader } from '../workspace/file-reader';
import { type GovernanceData, loadGovernance } from '../workspace/load-governance';
import { checkCadence } from './cadence-rules';
import { checkCompatibility, checkConsumerFiles, checkCoreProject } from './compatibility-rules';
import { checkGates } from './gate-rules';
import { checkIds } from './id-rules';
import { checkMilestones } from './milestone-rules';
import { checkPlaybook } from './playbook-rules';
import { RuleContext, type ValidationOptions } from './rule-context';

export type { ValidationOptions } from './rule-context';

export interface ValidationResult extends DiagnosticReport {
  data: GovernanceData;
}

/** Checks every governance file against its schema and the rules across files. */
export function validateGovernance(reader: FileReader, settingsFile: string, options: ValidationOptions = {}): ValidationResult {
  const loaded = loadGovernance(reader, settingsFile);
  const ctx = new RuleContext(loaded.data, options, reader);
  for (const rule of [checkCoreProject, checkIds, checkGates, checkMilestones, checkCompatibility, checkConsumerFiles, checkPlaybook, checkCadence]) rule(ctx);
  return { data: loaded.data, ...splitBySeverity([...loaded.diagnostics, ...ctx.diagnostics]) };
}
