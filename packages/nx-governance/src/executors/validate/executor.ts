import { type ExecutorContext, logger } from '@nx/devkit';
import { formatDiagnostic } from '../../lib/diagnostics';
import { runValidation } from '../../lib/validation';
import { projectTargets } from '../project-targets';
import { gatesReadingEverything } from '../../lib/gates/gate-inputs';
import { normalizeOptions } from './normalize-options';
import type { ValidateExecutorSchema } from './schema';
import { withOneLineWriteErrors } from '../one-line-write-errors';
import { pluginOptionsIn } from '../../plugins/options';

async function validateExecutor(raw: ValidateExecutorSchema, context: ExecutorContext): Promise<{ success: boolean }> {
  const options = normalizeOptions(raw);
  const { settingsFile } = options;
  const result = runValidation({ root: context.root, settingsFile, projects: projectTargets(context), strict: options.strict, json: options.json, gateTargetName: pluginOptionsIn(context.nxJsonConfiguration).gateTargetName });
  for (const warning of result.warnings) logger.warn(`warning: ${formatDiagnostic(warning)}`);
  for (const problem of result.errors) logger.error(formatDiagnostic(problem));
  const { milestones, gates } = result.data;
  const summary = `${milestones.length} milestone(s), ${milestones.reduce((n, m) => n + m.taskCards.length, 0)} task card(s), ${gates?.data.gates.length ?? 0} gate(s)`;
  if (result.errors.length > 0) {
    logger.error(`Governance is invalid: ${result.errors.length} error(s), ${result.warnings.length} warning(s) in ${summary}.`);
    return { success: false };
  }
  const everyChange = gatesReadingEverything(gates?.data.gates ?? [], result.data.settings.paths.evidence);
  if (everyChange.length) {
    logger.info(`Note: ${everyChange.length} gate(s) run on every change in the workspace, declaring neither inputs nor projects: ${everyChange.join(', ')}.`);
  }
  logger.info(`Governance is valid: ${summary}${result.warnings.length ? `, ${result.warnings.length} warning(s)` : ''}.`);
  return { success: true };
}

export default withOneLineWriteErrors(validateExecutor);
