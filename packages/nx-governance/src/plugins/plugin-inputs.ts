import { realpathSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';

/**
 * Inputs that make cached results depend on the plugin's own version. Installed
 * from npm, that is the external dependency; developed inside the workspace
 * (as here), the plugin's sources are the input instead.
 */
export function pluginInputs(workspaceRoot: string): Array<string | { externalDependencies: string[] }> {
  const packageRoot = realpathSync(resolve(__dirname, '..', '..'));
  const fromRoot = relative(realpathSync(workspaceRoot), packageRoot);
  const insideWorkspace = !fromRoot.startsWith('..') && !fromRoot.split(sep).includes('node_modules');
  if (!insideWorkspace) return [{ externalDependencies: ['nx-governance'] }];
  const dir = fromRoot.split(sep).join('/');
  return [`{workspaceRoot}/${dir}/src/**/*.ts`, `!{workspaceRoot}/${dir}/src/**/*.spec.ts`, `{workspaceRoot}/${dir}/package.json`];
}
