import { runProcessSync } from './run-process-sync';

const VERSION_TIMEOUT_MS = 10_000;
const VERSION_MAX_OUTPUT = 1024 * 1024;

/**
 * What a step's `version` command says of the program it runs: the first line
 * it prints (stdout, else stderr), or why it printed nothing. The record's
 * `tools.steps` holds it; `toolVersionCommand` prints the same thing for Nx.
 */
export function readToolVersion(argv: readonly string[], cwd: string): string {
  const result = runProcessSync({ argv, cwd, timeoutMs: VERSION_TIMEOUT_MS, maxOutputBytes: VERSION_MAX_OUTPUT });
  if (!result.ok) return result.reason;
  return firstLine(result.stdout || result.stderr);
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';

/*
 * Nx runs a `runtime` input through the platform's shell (sh -c, cmd /C) in the
 * workspace root and hashes what it prints. The argv travels as base64 (letters,
 * digits, + / =: the same word in every shell), and the script avoids every
 * character a shell would read inside double quotes ($ ` \ " % ^), so what runs
 * is the argv as data wrote it, never a shell's reading of it. It always exits 0:
 * a missing program is another output (another hash), not a command Nx fails on.
 */
const PROBE = [
  "const s=JSON.parse(Buffer.from(process.argv[1],'base64').toString())",
  `const r=require('child_process').spawnSync(s.argv[0],s.argv.slice(1),{cwd:s.cwd,encoding:'utf8',timeout:${VERSION_TIMEOUT_MS},maxBuffer:${VERSION_MAX_OUTPUT},stdio:['ignore','pipe','pipe'],windowsHide:true})`,
  "process.stdout.write(r.error?'unavailable: '+r.error.code:String(r.stdout||r.stderr).trim().split(String.fromCharCode(10))[0])",
].join(';');

/**
 * A command line for Nx's `runtime` input that prints the version of the
 * program `argv` names, run in `cwd` (relative to the workspace root): so
 * another version of the program is another task hash. A program that lies
 * about its version is not told apart.
 */
export function toolVersionCommand(argv: readonly string[], cwd = '.'): string {
  const spec = Buffer.from(JSON.stringify({ argv, cwd })).toString('base64');
  return `node -e "${PROBE}" ${spec}`;
}
