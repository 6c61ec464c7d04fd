import { posix } from 'node:path';
import { shellWords } from './shell-words';

export type ConvertedCommand =
  | { ok: true; argv: string[]; cwd?: string; env?: Record<string, string>; notes: string[] }
  | { ok: false; reason: string };

const ENV_ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/;
const SHELLS = new Set(['bash', 'sh', 'zsh']);

/**
 * Turns a command from prose into an argv, a cwd relative to the workspace
 * and env entries, where that is unambiguous: `ENV=1 wrapper.sh bash -lc
 * 'cd /abs/repo/loop && cargo test x'`. A command that needs a shell (pipes,
 * `;`, variables, globs, redirections) is refused with the reason: it is
 * kept for review, never run through a shell.
 */
export function convertCommand(text: string, workspaceFolders: (absolute: string) => string | undefined): ConvertedCommand {
  const outer = shellWords(text.trim());
  const outerOperators = outer.operators.filter((o) => o !== '&&');
  if (outerOperators.length) return { ok: false, reason: `needs a shell (${unique(outerOperators).join(' ')})` };
  const words = [...outer.words];
  const env: Record<string, string> = {};
  while (words.length && ENV_ASSIGNMENT.test(words[0])) {
    const [, name, value] = ENV_ASSIGNMENT.exec(words.shift()!)!;
    env[name] = value;
  }
  const notes: string[] = [];
  const shellAt = words.findIndex((w, i) => SHELLS.has(w) && /^-l?c$|^-cl$/.test(words[i + 1] ?? ''));
  let prefix = words;
  let script: string[] | undefined;
  if (shellAt >= 0) {
    prefix = words.slice(0, shellAt);
    if (words.length !== shellAt + 3) return { ok: false, reason: `unexpected words after ${words[shellAt]} ${words[shellAt + 1]} '…'` };
    const inner = shellWords(words[shellAt + 2]);
    const innerOperators = inner.operators.filter((o) => o !== '&&');
    if (innerOperators.length) return { ok: false, reason: `the ${words[shellAt]} script needs a shell (${unique(innerOperators).join(' ')})` };
    script = inner.words;
    if (prefix.length) notes.push(`kept the wrapper ${prefix.join(' ')} in front of the command (it ran it through ${words[shellAt]} before)`);
  } else if (words.includes('&&')) {
    script = words;
    prefix = [];
  }
  let cwd: string | undefined;
  let command = script ?? prefix;
  if (script) {
    const parts = split(script, '&&');
    if (parts.length > 2 || (parts.length === 2 && (parts[0][0] !== 'cd' || parts[0].length !== 2))) {
      return { ok: false, reason: 'more than one command: only `cd <dir> && <command>` converts' };
    }
    if (parts.length === 2) {
      const dir = parts[0][1];
      cwd = dir.startsWith('/') ? workspaceFolders(dir) : dir.replace(/^\.\//, '').replace(/\/$/, '');
      if (cwd === undefined || cwd.split('/').includes('..')) return { ok: false, reason: `cd ${dir}: not a folder of this workspace` };
    }
    // The wrapper was started from the original folder; from the new cwd its path is relative to there.
    const wrapper = prefix.map((word, i) => (i === 0 && cwd && word.includes('/') && !word.startsWith('/') ? posix.relative(cwd, word) : word));
    command = [...wrapper, ...parts[parts.length - 1]];
  }
  if (command.length === 0) return { ok: false, reason: 'no command' };
  return { ok: true, argv: command, ...(cwd && cwd !== '.' && cwd !== '' ? { cwd } : {}), ...(Object.keys(env).length ? { env } : {}), notes };
}

function split(words: string[], separator: string): string[][] {
  const parts: string[][] = [[]];
  for (const word of words) {
    if (word === separator) parts.push([]);
    else parts[parts.length - 1].push(word);
  }
  return parts;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
