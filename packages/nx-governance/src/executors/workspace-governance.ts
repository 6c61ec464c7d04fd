import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConsumers } from '../core/consumers/resolve-consumers';
import { readSigningKey } from '../core/evidence/signing-key';
import { diskFileReader } from '../core/workspace/file-reader';
import { DEFAULT_SETTINGS_FILE, loadGovernance } from '../core/workspace/load-governance';

/** Governance data and consumers as an executor needs them, read from disk. */
export function loadWorkspaceGovernance(root: string, settingsFile = DEFAULT_SETTINGS_FILE) {
  const reader = diskFileReader(root);
  const { data, diagnostics } = loadGovernance(reader, settingsFile);
  return { data, diagnostics, consumers: resolveConsumers(reader, data) };
}

/** The Ed25519 key named by GOVERNANCE_SIGNING_KEY (a PEM file, never committed), if any. */
export function signingKey(env: NodeJS.ProcessEnv = process.env): { pem?: string; error?: string } {
  const path = env.GOVERNANCE_SIGNING_KEY;
  if (!path) return {};
  return readSigningKey(path);
}

export function toolVersions(root: string): { nx?: string; plugin?: string } {
  const versionOf = (name: string) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${name}/package.json`, { paths: [root] }), 'utf8')).version as string;
    } catch {
      return undefined;
    }
  };
  return { nx: versionOf('nx'), plugin: JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')).version };
}
