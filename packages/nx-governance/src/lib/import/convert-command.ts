import { posix } from 'node:path';
import { shellWords } from './shell-words';

export type WrapperKind = 'memory-admission' | 'script' | 'timeout' | 'nice' | 'env';

export interface ConvertedStep {
  argv: string[];
  cwd?: string;
  env?: Record<string, string>;
  /** What wraps the real command: kept in argv when it runs here (nice, a script of the repository), recorded either way. */
  wrapper?: { kind: WrapperKind; argv: string[] };
}

export type ConvertedCommand = { ok: true; steps: ConvertedStep[]; timeoutSeconds?: number; notes: string[] } | { ok: false; reason: string };

export interface ConvertContext {
  /** The workspace-relative path an absolute path from the prose points at, when it points into this repository. */
  toWorkspace: (absolute: string) => string | undefined;
  /** Whether a workspace-relative file or folder exists. */
  exists: (path: string) => boolean;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const SHELLS = new Set(['bash', 'sh', 'zsh']);

interface Prefix {
  env: Record<string, string>;
  wrapper?: ConvertedStep['wrapper'];
}

class Refused extends Error {}

/**
 * Turns a command from prose into ordered steps of argv, cwd and env: `&&`
 * chains become steps, `cd` a cwd, `VAR=value` (also inside `bash -lc '...'`)
 * env; absolute paths into the repository become relative; wrappers that only
 * admit or limit the command (a memory-admission script, timeout, nice, env)
 * are recorded as such. Anything that needs a real shell is refused with the reason.
 */
export function convertCommand(text: string, context: ConvertContext): ConvertedCommand {
  try {
    const state = { cwd: '.', timeoutSeconds: undefined as number | undefined, steps: [] as ConvertedStep[] };
    const outer = shellWords(text.trim());
    const operators = outer.operators.filter((o) => o !== '&&');
    if (operators.length) throw new Refused(`needs a shell (${[...new Set(operators)].join(' ')})`);
    for (const part of split(outer.words)) convertPart(part, { env: {} }, state, context);
    if (state.steps.length === 0) throw new Refused('no command');
    const notes = [
      ...(state.steps.length > 1 ? [`${state.steps.length} steps from an && chain`] : []),
      ...(state.timeoutSeconds ? [`timeout ${state.timeoutSeconds}: the gate timeout`] : []),
    ];
    return { ok: true, steps: state.steps, ...(state.timeoutSeconds ? { timeoutSeconds: state.timeoutSeconds } : {}), notes };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.message };
    throw error;
  }
}

type State = { cwd: string; timeoutSeconds?: number; steps: ConvertedStep[] };

function convertPart(input: string[], outer: Prefix, state: State, context: ConvertContext): void {
  const words = [...input];
  const prefix: Prefix = { env: { ...outer.env }, ...(outer.wrapper ? { wrapper: outer.wrapper } : {}) };
  takeAssignments(words, prefix.env, context);
  if (words[0] === 'cd' && words.length === 2) {
    const dir = words[1].startsWith('/') ? context.toWorkspace(words[1]) : posix.normalize(posix.join(state.cwd, words[1]));
    if (dir === undefined || dir.split('/').includes('..')) throw new Refused(`cd ${words[1]}: not a folder of this repository`);
    state.cwd = dir;
    return;
  }
  while (words.length) {
    const program = words[0];
    if (program === 'env') {
      const count = words.slice(1).findIndex((w) => !ASSIGNMENT.test(w));
      const consumed = words.splice(0, count < 0 ? words.length : count + 1);
      takeAssignments(consumed.slice(1), prefix.env, context);
      if (words[0]?.startsWith('-')) throw new Refused(`env ${words[0]}: only VAR=value assignments convert`);
      prefix.wrapper ??= { kind: 'env', argv: consumed };
    } else if (program === 'timeout' && /^\d+s?$/.test(words[1] ?? '')) {
      state.timeoutSeconds = Number.parseInt(words[1], 10);
      prefix.wrapper ??= { kind: 'timeout', argv: words.splice(0, 2) };
    } else if (SHELLS.has(program) && /^-l?c$|^-cl$/.test(words[1] ?? '')) {
      if (words.length !== 3) throw new Refused(`unexpected words after ${program} ${words[1]} '…'`);
      const inner = shellWords(words[2]);
      const innerOperators = inner.operators.filter((o) => o !== '&&');
      if (innerOperators.length) throw new Refused(`the ${program} script needs a shell (${[...new Set(innerOperators)].join(' ')})`);
      for (const part of split(inner.words)) convertPart(part, prefix, state, context);
      return;
    } else if (program === 'nice' || isScriptWrapper(words)) {
      const length = program === 'nice' ? (words[1] === '-n' ? 3 : 1) : words.indexOf('--') >= 0 ? words.indexOf('--') + 1 : 1;
      const argv = words.splice(0, length).map((w, i) => (i === 0 && program !== 'nice' ? repoPath(w, state.cwd, context, 'wrapper') : w));
      const kind: WrapperKind = program === 'nice' ? 'nice' : /admit|mem/i.test(program) ? 'memory-admission' : 'script';
      prefix.wrapper = { kind, argv: [...(prefix.wrapper && prefix.wrapper.kind !== 'env' && prefix.wrapper.kind !== 'timeout' ? prefix.wrapper.argv : []), ...argv] };
    } else break;
  }
  if (words.length === 0) return;
  const argv = words.map((w, i) =>
    i === 0 && (w.startsWith('/') || climbsOut(w, state.cwd)) ? fromCwd(repoPath(w, state.cwd, context, 'program'), state.cwd) : i === 0 ? w : argumentIn(w, state.cwd, context),
  );
  const wrapper = prefix.wrapper && { ...prefix.wrapper, argv: prefix.wrapper.argv.map((w, i) => (i === 0 && w.includes('/') ? fromCwd(w, state.cwd) : w)) };
  const kept = wrapper && ['nice', 'memory-admission', 'script'].includes(wrapper.kind) ? wrapper.argv : [];
  state.steps.push({
    argv: [...kept, ...argv],
    ...(state.cwd !== '.' ? { cwd: state.cwd } : {}),
    ...(Object.keys(prefix.env).length ? { env: prefix.env } : {}),
    ...(wrapper ? { wrapper } : {}),
  });
}

/** One refusal for a path that leaves the repository, however it is spelled (absolute, `../..`, inside an env value). */
const outside = (path: string) => new Refused(`${path} is outside this repository`);

/** A relative path that climbs out of the repository from `cwd`. */
function climbsOut(word: string, cwd: string): boolean {
  return /(^|\/)\.\.(\/|$)/.test(word) && posix.normalize(posix.join(cwd, word)).split('/')[0] === '..';
}

/** An argument as the step gets it: absolute paths into the repository made relative, any path out of it refused. */
function argumentIn(word: string, cwd: string, context: ConvertContext): string {
  const value = /^(--?[\w-]+=)(.*)$/.exec(word);
  const [flag, path] = value ? [value[1], value[2]] : ['', word];
  if (path.startsWith('/')) {
    const relative = context.toWorkspace(path);
    if (relative === undefined) throw outside(path);
    return `${flag}${fromCwd(relative, cwd)}`;
  }
  if (climbsOut(path, cwd)) throw outside(path);
  return word;
}

/** `path/to/script.sh ... -- command` or `script.sh bash -lc '...'`: a script that runs the command it is given. */
function isScriptWrapper(words: string[]): boolean {
  if (!words[0].includes('/') || !/\.(sh|bash)$/.test(words[0])) return false;
  const dashes = words.indexOf('--');
  return (dashes > 0 && dashes < words.length - 1) || words.slice(1).some((w, i) => SHELLS.has(w) && /^-l?c$|^-cl$/.test(words[i + 2] ?? ''));
}

/** The workspace-relative path of a wrapper or program the prose names; it must exist here. */
function repoPath(word: string, cwd: string, context: ConvertContext, what: 'wrapper' | 'program'): string {
  const path = word.startsWith('/') ? context.toWorkspace(word) : posix.normalize(posix.join(cwd, word));
  if (path === undefined || path.split('/')[0] === '..') throw outside(word);
  if (!context.exists(path)) throw new Refused(`the ${what} ${path} is not in this repository`);
  return path;
}

/** Steps run in their cwd, so a repository path is given relative to it. */
function fromCwd(path: string, cwd: string): string {
  return cwd === '.' ? path : posix.relative(cwd, path);
}

/** Moves the leading `VAR=value` words of `words` into `env`, with paths into the repository made relative. */
function takeAssignments(words: string[], env: Record<string, string>, context: ConvertContext): void {
  for (let match = ASSIGNMENT.exec(words[0] ?? ''); match; match = ASSIGNMENT.exec(words[0] ?? '')) {
    words.shift();
    const [, name, value] = match;
    env[name] = envValueIn(name, value, context);
  }
}

/**
 * An env value with every path in it (a word, a `PATH`-like list, `--require /x.js`) mapped into the
 * repository, or refused when one leaves it: a variable can make a program load code as surely as an argument.
 */
function envValueIn(name: string, value: string, context: ConvertContext): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  return value.replace(/[^\s:=]+/g, (word) => {
    if (word.startsWith('/')) {
      const relative = context.toWorkspace(word);
      if (relative === undefined) throw new Refused(`${name}=${value}: ${word} is outside this repository`);
      return relative;
    }
    if (climbsOut(word, '.')) throw new Refused(`${name}=${value}: ${word} is outside this repository`);
    return word;
  });
}

function split(words: string[]): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (word === '&&') parts.push([]);
    else parts[parts.length - 1].push(word);
  }
  return parts.filter((p) => p.length);
}
