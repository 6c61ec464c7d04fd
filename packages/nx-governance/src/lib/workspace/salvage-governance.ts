import { parse } from 'jsonc-parser';
import { MAX_JSON_DEPTH } from '../json/json-source';
import { type Consumer, consumerSchema } from '../schemas/compatibility';
import { type IdKind, idPatternProblem, type IdPatternSettings, LENIENT_ID_PATTERNS } from '../ids/id-patterns';
import { defaultGovernanceSettings, type GovernanceSettings, governanceSettingsSchema } from '../schemas/governance';

/*
 * What inference can still use from files that failed validation, so that one
 * broken governance file never takes the rest of the workspace down with it.
 * Nothing salvaged is ever judged: every judging command loads through
 * `loadCheckedGovernance` and fails on the very same files.
 */

function tolerantParse(text: string | undefined): unknown {
  if (!text) return undefined;
  const body = text.replace(/^\ufeff/, '');
  let depth = 0;
  for (const c of body) if ((c === '{' || c === '[') && ++depth > MAX_JSON_DEPTH) return undefined;
  return parse(body, [], { allowTrailingComma: true });
}

const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;

/** Settings with the parts of a broken governance.json that still hold (the core, the project name), defaults elsewhere. */
export function salvageSettings(text: string | undefined): GovernanceSettings {
  const value = tolerantParse(text);
  const defaults = defaultGovernanceSettings();
  const core = governanceSettingsSchema.shape.core.safeParse(field(value, 'core'));
  const name = governanceSettingsSchema.shape.projectName.safeParse(field(value, 'projectName'));
  const paths = governanceSettingsSchema.shape.paths.safeParse(field(value, 'paths'));
  return {
    ...defaults,
    ...(core.success ? { core: core.data } : {}),
    ...(name.success ? { projectName: name.data } : {}),
    ...(paths.success ? { paths: paths.data } : {}),
    ids: salvageIdPatterns(text),
  };
}

/** The id patterns of a broken governance.json: each one that is valid, a lenient stand-in for the others. */
export function salvageIdPatterns(text: string | undefined): IdPatternSettings {
  const ids = field(tolerantParse(text), 'ids');
  const salvage = (kind: IdKind) => {
    const source = field(ids, kind);
    if (source === undefined) return defaultGovernanceSettings().ids[kind];
    return typeof source === 'string' && idPatternProblem(kind, source) === undefined ? source : LENIENT_ID_PATTERNS[kind];
  };
  return { gate: salvage('gate'), milestone: salvage('milestone'), task: salvage('task') };
}

/** Every consumer entry of a broken compatibility.json that is valid on its own. */
export function salvageConsumers(text: string | undefined): Consumer[] {
  const consumers = field(tolerantParse(text), 'consumers');
  if (!Array.isArray(consumers)) return [];
  return consumers.flatMap((entry) => {
    const parsed = consumerSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}
