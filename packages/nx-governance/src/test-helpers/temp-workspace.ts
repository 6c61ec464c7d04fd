import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** The repository root, for tests that read the bundled data. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** A real folder holding `files`, removed by the returned cleanup. */
export function makeTempWorkspace(files: Record<string, string> = {}): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'nx-governance-unit-'));
  writeFiles(root, files);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function writeFiles(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** The manifests of the bundled core and consumers: what inference and the rules read of their folders. */
export const BUNDLED_MANIFESTS = ['loop/Cargo.toml', 'vendor/io-rflx/Cargo.toml', 'vendor/rlm-claude-code/pyproject.toml', 'vendor/loop-agent/pyproject.toml'];

/** Copies the bundled governance/ folder into `root`, with the manifests of the folders it names. */
export function copyBundledGovernance(root: string): void {
  cpSync(join(REPO_ROOT, 'governance'), join(root, 'governance'), { recursive: true });
  for (const file of BUNDLED_MANIFESTS) cpSync(join(REPO_ROOT, file), join(root, file));
}

export function readRepoFile(path: string): string {
  return readFileSync(join(REPO_ROOT, path), 'utf8');
}

/** The projects of the bundled workspace, as the validator wants them. */
export const BUNDLED_PROJECTS: ReadonlyMap<string, string[]> = new Map([
  ['governance', ['attest', 'cadence', 'compat-query', 'compat-run', 'gate', 'release-readiness', 'rollback-check', 'validate', 'verify-evidence']],
  ['loop', ['build', 'test']],
  ['rlm-claude-code', ['compat']],
  ['loop-agent', ['compat']],
  ['io-rflx', ['compat']],
]);
