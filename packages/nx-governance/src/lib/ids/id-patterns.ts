import { DEFAULT_TARGET_NAMES, scopeTargetName } from '../workspace/target-names';
import { compileLinearRegex, type LinearRegex } from './linear-regex';
import { unsafeSpelling } from './pattern-spelling';

export type IdKind = 'gate' | 'milestone' | 'task';
export type IdPatternSettings = Record<IdKind, string>;

/** The forms the plugin grew up with, and the defaults of `ids` in governance.json. */
export const DEFAULT_ID_PATTERNS: Readonly<IdPatternSettings> = {
  gate: '^VG(-[A-Z0-9]+)+$',
  milestone: '^M\\d+$',
  task: '^(?<milestone>M\\d+)-T\\d+$',
};

/**
 * What stands in for a pattern that governance.json gets wrong, so that one bad
 * pattern does not bury its own error under one per id: any id of safe
 * characters, a task's milestone being the id up to its last "-" or ".".
 * Nothing is judged on them: the settings' error fails every judging command.
 */
export const LENIENT_ID_PATTERNS: Readonly<IdPatternSettings> = {
  gate: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  milestone: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
  task: '^(?<milestone>[A-Za-z0-9][A-Za-z0-9._-]*?)[-.][A-Za-z0-9]+$',
};

/** Ids become folder names, file names and Nx target names, so whatever a pattern allows, they keep to these characters. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SAFE_ID_WORDS = 'letters, digits, ".", "_" and "-", starting with a letter or digit';

/**
 * Targets of the governance project besides the gates: a gate is a target of
 * the same project, so a gate named like one of them, or like an aggregate
 * (`gate-<scope>`), would replace it.
 */
const { gateTargetName, validateTargetName, compatRunTargetName } = DEFAULT_TARGET_NAMES;
const GOVERNANCE_TARGETS = [gateTargetName, validateTargetName, 'attest', 'verify-evidence', compatRunTargetName, 'report', 'compat-query', 'cadence', 'rollback-check', 'release-readiness', 'prune-evidence'];
const isReservedGateId = (id: string) => GOVERNANCE_TARGETS.includes(id) || id.startsWith(scopeTargetName(gateTargetName, ''));

/** Strings no id may be, whatever its pattern: a pattern that accepts one of them is refused when the settings load. */
const UNSAFE_PROBES = ['.', '..', 'a/b', 'a\\b', 'a b', 'a:b', '-a'];

/** A pattern `idPatternProblem` accepted, compiled. */
function fullMatch(source: string): LinearRegex {
  const compiled = compileLinearRegex(source);
  if (!compiled.ok) throw new Error(`an id pattern that the settings' schema should have refused: ${source}: ${compiled.problem}`);
  return compiled.regex;
}

/** Why `source` cannot be the pattern of `kind`, or undefined when it can. */
export function idPatternProblem(kind: IdKind, source: string): string | undefined {
  const compiled = compileLinearRegex(source);
  if (!compiled.ok) return compiled.problem;
  const pattern = { test: (id: string) => compiled.regex.matchesWhole(id) };
  if (pattern.test('')) return 'expected a pattern that matches no empty id';
  const unsafe = UNSAFE_PROBES.find((probe) => pattern.test(probe));
  if (unsafe !== undefined) return `expected a pattern that matches only ${SAFE_ID_WORDS} (ids name files and Nx targets), but it matches ${JSON.stringify(unsafe)}`;
  const wide = unsafeSpelling(source);
  if (wide) return `expected a pattern that allows only ${SAFE_ID_WORDS} (ids name files and Nx targets), but its ${JSON.stringify(wide)} allows others`;
  if (kind === 'gate') {
    const reserved = GOVERNANCE_TARGETS.find((name) => pattern.test(name));
    if (reserved) return `expected a pattern that does not match ${JSON.stringify(reserved)}: gates are targets of the governance project, beside its ${reserved} target`;
  }
  if (kind === 'task' && !/\(\?<milestone>/.test(source)) {
    return 'expected a pattern with a group (?<milestone>...) that captures the id of the task\'s milestone, e.g. ^(?<milestone>M\\d+)-T\\d+$';
  }
  return undefined;
}

/** The configured id patterns, compiled, with the words every id message uses. */
export interface IdPatterns {
  readonly sources: Readonly<IdPatternSettings>;
  /** Where the patterns are set, for messages. */
  readonly settingsFile: string;
  /** Why `id` is not an id of `kind`: the pattern and where it is set; undefined when it is one. */
  problem(kind: IdKind, id: string): string | undefined;
  matches(kind: IdKind, id: string): boolean;
  /** The milestone a task id names (its `milestone` group), or undefined when `task` is no task id. */
  milestoneOf(task: string): string | undefined;
  /** Every id of `kind` in prose, in order of appearance. */
  findIn(kind: IdKind, text: string): string[];
  /** `an id matching ^M\d+$ (ids.milestone in governance/governance.json)` */
  describe(kind: IdKind): string;
}

/**
 * Compiles patterns that `idPatternProblem` accepted (governance.json's schema
 * checks them on load); `settingsFile` is where messages send the reader.
 */
export function compileIdPatterns(sources: Readonly<IdPatternSettings> = DEFAULT_ID_PATTERNS, settingsFile = 'governance/governance.json'): IdPatterns {
  const compiled = { gate: fullMatch(sources.gate), milestone: fullMatch(sources.milestone), task: fullMatch(sources.task) };
  const describe = (kind: IdKind) => `an id matching ${sources[kind]} (ids.${kind} in ${settingsFile})`;
  const matches = (kind: IdKind, id: string) => SAFE_ID.test(id) && compiled[kind].matchesWhole(id) && !(kind === 'gate' && isReservedGateId(id));
  return {
    sources,
    settingsFile,
    matches,
    describe,
    problem(kind, id) {
      if (matches(kind, id)) return undefined;
      if (kind === 'gate' && isReservedGateId(id)) return `found ${JSON.stringify(id)}, expected a gate id that is not the name of a governance target (${GOVERNANCE_TARGETS.join(', ')}, gate-<scope>)`;
      if (!SAFE_ID.test(id)) return `found ${JSON.stringify(id)}, expected a ${kind} id of ${SAFE_ID_WORDS}`;
      return `found ${JSON.stringify(id)}, expected a ${kind} id: ${describe(kind)}`;
    },
    milestoneOf(task) {
      return matches('task', task) ? compiled.task.groupsOfWhole(task)?.milestone : undefined;
    },
    findIn(kind, text) {
      const found = sources[kind] === DEFAULT_ID_PATTERNS[kind] ? [...text.matchAll(DEFAULT_TEXT_FORMS[kind])].map((m) => m[0]) : idsInWords(text, (id) => matches(kind, id));
      return found.filter((id) => matches(kind, id));
    },
  };
}

/**
 * How prose and file names write the default forms: a gate id ends at its
 * number, so `-r2` or `-M1-T02` after it stay apart (`VG-X-001-M1-T02.md`).
 * Our own patterns, linear on V8's engine (each repeated part starts with "-").
 */
const DEFAULT_TEXT_FORMS: Readonly<Record<IdKind, RegExp>> = { gate: /\bVG(?:-[A-Z][A-Z0-9]*)*-\d+\b/g, milestone: /\bM\d+\b/g, task: /\bM\d+-T\d+\b/g };

/** Words of prose that may hold an id: runs of the characters ids keep to. */
const ID_CHARACTER_RUN = /[A-Za-z0-9_.-]+/g;
/** An id names a file, and no file name is longer: a longer word holds no id (and bounds the work on each word). */
const MAX_ID_LENGTH = 255;

/**
 * The ids of a configured form in prose. An id starts where its word starts
 * and ends where its word ends, or before a "." that is not followed by a
 * letter or digit (a sentence's full stop): the longest such prefix of the
 * word that is an id, so an id that runs into another is one word. Matching
 * the whole of each candidate keeps the search linear on any pattern.
 */
function idsInWords(text: string, isId: (candidate: string) => boolean): string[] {
  const found: string[] = [];
  for (const [word] of text.matchAll(ID_CHARACTER_RUN)) {
    if (word.length > MAX_ID_LENGTH + 1) continue;
    const ends = [word.length];
    for (let at = word.length - 1; at > 0; at--) if (word[at] === '.' && !/[A-Za-z0-9]/.test(word[at + 1] ?? '')) ends.push(at);
    const id = ends.map((end) => word.slice(0, end)).find(isId);
    if (id) found.push(id);
  }
  return found;
}
