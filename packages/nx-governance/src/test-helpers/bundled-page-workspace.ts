import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConsumers } from '../lib/consumers/resolve-consumers';
import { buildPageModel, type PageModel } from '../lib/page/page-model';
import { diskFileReader } from '../lib/workspace/file-reader';
import { loadGovernance } from '../lib/workspace/load-governance';
import { copyBundledGovernance, makeTempWorkspace, REPO_ROOT } from './temp-workspace';

/**
 * The bundled governance with a frozen copy of the evidence its runs once wrote
 * (test-fixtures/bundled-evidence: the repository no longer tracks its own
 * evidence, so a clean clone has none), in a temporary folder, and the page model built from it.
 */
export function bundledPageWorkspace(asOf = '2026-12-01') {
  const { root, cleanup } = makeTempWorkspace();
  copyBundledGovernance(root);
  cpSync(join(REPO_ROOT, 'packages/nx-governance/test-fixtures/bundled-evidence'), join(root, 'evidence'), { recursive: true });
  const reader = diskFileReader(root);
  const load = () => loadGovernance(reader, 'governance/governance.json').data;
  const build = (currentHashes: Record<string, string> | undefined): PageModel => {
    const data = load();
    return buildPageModel({ root, reader, data, consumers: resolveConsumers(reader, data), asOf, currentHashes });
  };
  return { root, cleanup, reader, load, build };
}
